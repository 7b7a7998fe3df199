import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
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

const SignInPage = lazy(() => import('./pages/signin/SignInPage').then((m) => ({ default: m.SignInPage })));
const AccountPage = lazy(() =>
  import('./pages/account/AccountPage').then((m) => ({ default: m.AccountPage })),
);
const UsersPage = lazy(() => import('./pages/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const SetupPage = lazy(() => import('./pages/setup/SetupPage').then((m) => ({ default: m.SetupPage })));
const ActorListPage = lazy(() =>
  import('./pages/actors/ActorListPage').then((m) => ({ default: m.ActorListPage })),
);
const ActorPage = lazy(() => import('./pages/actors/ActorPage').then((m) => ({ default: m.ActorPage })));
const EffortListPage = lazy(() =>
  import('./pages/efforts/EffortListPage').then((m) => ({ default: m.EffortListPage })),
);
const EffortPage = lazy(() => import('./pages/efforts/EffortPage').then((m) => ({ default: m.EffortPage })));
const EffortFormPage = lazy(() =>
  import('./pages/efforts/EffortFormPage').then((m) => ({ default: m.EffortFormPage })),
);
const IndicatorExplorerPage = lazy(() =>
  import('./pages/indicators/IndicatorExplorerPage').then((m) => ({ default: m.IndicatorExplorerPage })),
);
const IndicatorImportPage = lazy(() =>
  import('./pages/indicators/IndicatorImportPage').then((m) => ({ default: m.IndicatorImportPage })),
);
const WholeCountyPage = lazy(() =>
  import('./pages/territory/WholeCountyPage').then((m) => ({ default: m.WholeCountyPage })),
);
const ConflictListPage = lazy(() =>
  import('./pages/conflicts/ConflictListPage').then((m) => ({ default: m.ConflictListPage })),
);
const ConflictPage = lazy(() =>
  import('./pages/conflicts/ConflictPage').then((m) => ({ default: m.ConflictPage })),
);
const ConflictFormPage = lazy(() =>
  import('./pages/conflicts/ConflictFormPage').then((m) => ({ default: m.ConflictFormPage })),
);
const SuggestionQueuePage = lazy(() =>
  import('./pages/conflicts/SuggestionQueuePage').then((m) => ({ default: m.SuggestionQueuePage })),
);
const MatrixListPage = lazy(() =>
  import('./pages/matrices/MatrixListPage').then((m) => ({ default: m.MatrixListPage })),
);
const MatrixPage = lazy(() => import('./pages/matrices/MatrixPage').then((m) => ({ default: m.MatrixPage })));
const ConsultationListPage = lazy(() =>
  import('./pages/consultations/ConsultationListPage').then((m) => ({ default: m.ConsultationListPage })),
);
const ConsultationPage = lazy(() =>
  import('./pages/consultations/ConsultationPage').then((m) => ({ default: m.ConsultationPage })),
);
const ConsultationFormPage = lazy(() =>
  import('./pages/consultations/ConsultationFormPage').then((m) => ({ default: m.ConsultationFormPage })),
);
const ImportPage = lazy(() => import('./pages/efforts/ImportPage').then((m) => ({ default: m.ImportPage })));

const S3OverviewPage = lazy(() =>
  import('./pages/s3/areas/S3OverviewPage').then((m) => ({ default: m.S3OverviewPage })),
);
const S3AreaPage = lazy(() => import('./pages/s3/areas/S3AreaPage').then((m) => ({ default: m.S3AreaPage })));
const InitiativePage = lazy(() =>
  import('./pages/s3/areas/InitiativePage').then((m) => ({ default: m.InitiativePage })),
);
const InitiativeFormPage = lazy(() =>
  import('./pages/s3/areas/InitiativeFormPage').then((m) => ({ default: m.InitiativeFormPage })),
);
const AssessmentFormPage = lazy(() =>
  import('./pages/s3/process/AssessmentFormPage').then((m) => ({ default: m.AssessmentFormPage })),
);
const MeetingListPage = lazy(() =>
  import('./pages/s3/meetings/MeetingListPage').then((m) => ({ default: m.MeetingListPage })),
);
const MeetingPage = lazy(() =>
  import('./pages/s3/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })),
);
const MeetingFormPage = lazy(() =>
  import('./pages/s3/meetings/MeetingFormPage').then((m) => ({ default: m.MeetingFormPage })),
);
const LearningLogPage = lazy(() =>
  import('./pages/s3/learning/LearningLogPage').then((m) => ({ default: m.LearningLogPage })),
);
const ParticipationPage = lazy(() =>
  import('./pages/s3/learning/ParticipationPage').then((m) => ({ default: m.ParticipationPage })),
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
        <Route path="insatser" element={page(<EffortListPage />)} />
        <Route path="insatser/ny" element={page(<EffortFormPage />)} />
        <Route path="insatser/import" element={page(<ImportPage />)} />
        <Route path="insatser/:id" element={page(<EffortPage />)} />
        <Route path="insatser/:id/andra" element={page(<EffortFormPage />)} />
        <Route path="aktorer" element={page(<ActorListPage />)} />
        <Route path="aktorer/:id" element={page(<ActorPage />)} />
        <Route path="logga-in" element={page(<SignInPage />)} />
        <Route path="konto" element={page(<AccountPage />)} />
        <Route path="admin/anvandare" element={page(<UsersPage />)} />
        <Route path="anvandare" element={<Navigate to="/admin/anvandare" replace />} />
        <Route path="installera" element={page(<SetupPage />)} />
        <Route path="uppfoljning" element={page(<IndicatorExplorerPage />)} />
        <Route path="uppfoljning/import" element={page(<IndicatorImportPage />)} />
        <Route path="hela-lanet" element={page(<WholeCountyPage />)} />
        <Route path="malkonflikter" element={page(<ConflictListPage />)} />
        <Route path="malkonflikter/ny" element={page(<ConflictFormPage />)} />
        <Route path="malkonflikter/forslag" element={page(<SuggestionQueuePage />)} />
        <Route path="malkonflikter/:id" element={page(<ConflictPage />)} />
        <Route path="malkonflikter/:id/andra" element={page(<ConflictFormPage />)} />
        <Route path="samspelsmatriser" element={page(<MatrixListPage />)} />
        <Route path="samspelsmatriser/:id" element={page(<MatrixPage />)} />
        <Route path="samrad" element={page(<ConsultationListPage />)} />
        <Route path="samrad/ny" element={page(<ConsultationFormPage />)} />
        <Route path="samrad/:id" element={page(<ConsultationPage />)} />
        <Route path="samrad/:id/andra" element={page(<ConsultationFormPage />)} />
        <Route path="smart-specialisering" element={page(<S3OverviewPage />)} />
        <Route path="smart-specialisering/moten" element={page(<MeetingListPage />)} />
        <Route path="smart-specialisering/moten/ny" element={page(<MeetingFormPage />)} />
        <Route path="smart-specialisering/moten/:id" element={page(<MeetingPage />)} />
        <Route path="smart-specialisering/moten/:id/andra" element={page(<MeetingFormPage />)} />
        <Route path="smart-specialisering/larlogg/*" element={page(<LearningLogPage />)} />
        <Route path="smart-specialisering/deltagande" element={page(<ParticipationPage />)} />
        <Route path="smart-specialisering/initiativ/ny" element={page(<InitiativeFormPage />)} />
        <Route path="smart-specialisering/initiativ/:id" element={page(<InitiativePage />)} />
        <Route path="smart-specialisering/initiativ/:id/andra" element={page(<InitiativeFormPage />)} />
        <Route path="smart-specialisering/:slug" element={page(<S3AreaPage />)} />
        <Route path="smart-specialisering/:slug/sjalvskattning/ny" element={page(<AssessmentFormPage />)} />
        <Route path="rapporter" element={<ComingPage feature="reports" />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
