import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const URL_RE = /^(https?:\/\/\S+)(.*)$/s;

/**
 * A source statement. A leading URL becomes a link labelled with its host name,
 * so long addresses do not break the layout; the rest is shown as plain text.
 */
export function SourceText({ source, className }: { source: string; className?: string }) {
  const { t } = useTranslation();
  const m = URL_RE.exec(source.trim());
  // Source statements are recorded in Swedish by the data owners.
  let body: ReactNode = <span lang="sv">{source}</span>;
  if (m?.[1]) {
    let host = m[1];
    try {
      host = new URL(m[1]).hostname.replace(/^www\./, '');
    } catch {
      // keep the raw text
    }
    body = (
      <>
        <a href={m[1]} rel="noopener">
          {host}
        </a>
        <span lang="sv">{m[2]}</span>
      </>
    );
  }
  return (
    <p className={className}>
      {t('municipality.sourceLabel')} {body}
    </p>
  );
}
