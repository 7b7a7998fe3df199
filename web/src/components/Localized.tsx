import { useTranslation } from 'react-i18next';

export type LocalizedValue = { sv: string | null; en: string | null } | null | undefined;

type Props = {
  text: LocalizedValue;
  /** Element to render; defaults to span. */
  as?: 'span' | 'p' | 'div';
  className?: string;
  /** Show "(English text – Swedish translation missing)" when falling back. Default true. */
  note?: boolean;
};

/**
 * Renders a two-language text in the UI language. When the text is missing in that language,
 * the other language is shown, marked with its own lang attribute and a note saying so.
 */
export function Localized({ text, as: Tag = 'span', className, note = true }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  const other = lang === 'sv' ? 'en' : 'sv';
  const primary = text?.[lang];
  if (primary) return <Tag className={className}>{primary}</Tag>;
  const fallback = text?.[other];
  if (!fallback) return <Tag className={className}>–</Tag>;
  return (
    <Tag className={className}>
      <span lang={other}>{fallback}</span>
      {note ? (
        <span className="fallback-note">
          {' '}
          {t(other === 'en' ? 'common.englishFallback' : 'common.swedishFallback')}
        </span>
      ) : null}
    </Tag>
  );
}

/** Plain-string variant for attributes and chart labels. */
export function pickText(text: LocalizedValue, lang: string): string {
  const l = lang.startsWith('en') ? 'en' : 'sv';
  return text?.[l] ?? text?.[l === 'sv' ? 'en' : 'sv'] ?? '';
}
