import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Agenda2030Page } from './pages/agenda2030/Agenda2030Page';
import { ComingPage } from './pages/coming/ComingPage';
import { MunicipalityListPage } from './pages/municipalities/MunicipalityListPage';
import { MunicipalityPage } from './pages/municipalities/MunicipalityPage';
import { NotFoundPage } from './pages/not-found/NotFoundPage';
import { StartPage } from './pages/start/StartPage';
import { SteeringPage } from './pages/steering/SteeringPage';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<StartPage />} />
        <Route path="styrning" element={<SteeringPage />} />
        <Route path="kommuner" element={<MunicipalityListPage />} />
        <Route path="kommuner/:code" element={<MunicipalityPage />} />
        <Route path="agenda-2030" element={<Agenda2030Page />} />
        <Route path="insatser" element={<ComingPage feature="efforts" />} />
        <Route path="uppfoljning" element={<ComingPage feature="followUp" />} />
        <Route path="malkonflikter" element={<ComingPage feature="conflicts" />} />
        <Route path="smart-specialisering" element={<ComingPage feature="s3" />} />
        <Route path="rapporter" element={<ComingPage feature="reports" />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
