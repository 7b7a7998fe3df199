import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/documentTitle';

type Props = { title: string; kicker?: string; lead?: ReactNode; children?: ReactNode };

/** The page's single h1 with an optional kicker line and lead paragraph. */
export function PageHeader({ title, kicker, lead, children }: Props) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      {kicker ? <p className="kicker">{kicker}</p> : null}
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </header>
  );
}
