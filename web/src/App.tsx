import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/Status';
import { ComingPage } from './pages/coming/ComingPage';
import { NotFoundPage } from './pages/not-found/NotFoundPage';

// Pages load on demand, so pages without charts do not download ECharts.
const StartPage = lazy(() => import('./pages/start/StartPage').then((m) => ({ default: m.StartPage })));
const SteeringPage = lazy(() =>
  import('./pages/steering/SteeringPage').then((m) => ({ default: m.SteeringPage })),
);
const MunicipalityListPage = lazy(() =>
  import('./pages/municipalities/MunicipalityListPage').then((m) => ({ default: m.MunicipalityListPage })),
);
const MunicipalityPage = lazy(() =>
  import('./pages/municipalities/MunicipalityPage').then((m) => ({ default: m.MunicipalityPage })),
);
const Agenda2030Page = lazy(() =>
  import('./pages/agenda2030/Agenda2030Page').then((m) => ({ default: m.Agenda2030Page })),
);

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={page(<StartPage />)} />
        <Route path="styrning" element={page(<SteeringPage />)} />
        <Route path="kommuner" element={page(<MunicipalityListPage />)} />
        <Route path="kommuner/:code" element={page(<MunicipalityPage />)} />
        <Route path="agenda-2030" element={page(<Agenda2030Page />)} />
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
