import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';

type Props = { title?: string; text?: string; backTo?: string; backLabel?: string };

export function NotFoundPage({ title, text, backTo = '/', backLabel }: Props) {
  const { t } = useTranslation();
  return (
    <div className="not-found" data-testid="not-found">
      <PageHeader title={title ?? t('notFound.title')} lead={text ?? t('notFound.text')} />
      <p>
        <Link className="button" to={backTo}>
          {backLabel ?? t('notFound.back')}
        </Link>
      </p>
    </div>
  );
}
