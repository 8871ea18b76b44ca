import { Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import type { SelectionStore } from '../app/selection';
import { previewWindow } from '../app/sheet-preview';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { Strings } from './strings';

const useStyles = makeStyles({
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    scrollMarginTop: tokens.spacingVerticalL,
  },
  heading: { margin: 0 },
  scroll: {
    overflowX: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
    width: '100%',
  },
  caption: { textAlign: 'start', padding: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: '2px 6px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    padding: '2px 6px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxWidth: '12em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  target: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorBrandBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  related: { backgroundColor: tokens.colorPaletteYellowBackground1 },
});

export interface SheetPreviewProps {
  snapshot: WorkbookSnapshot | null;
  selection: SelectionStore;
  t: Strings;
}

/** The standalone page's answer to select(): a read-only window of the sheet around the cell, scrolled into view. */
export function SheetPreview({ snapshot, selection, t }: SheetPreviewProps) {
  const styles = useStyles();
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  const current = useSyncExternalStore(selection.subscribe, selection.get);
  useEffect(() => {
    if (current) ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [current]);
  if (!current || !snapshot) return null;
  const sheet = snapshot.sheets.find((s) => s.name === current.target.sheet);
  const view = sheet ? previewWindow(sheet, current.target, current.related) : undefined;
  return (
    <section ref={ref} className={styles.preview} aria-labelledby={titleId} data-testid="sheet-preview">
      <Subtitle2 as="h2" id={titleId} className={styles.heading}>
        {t.cellPreview}
      </Subtitle2>
      {!view ? (
        <Caption1>{t.sheetMissing(current.target.sheet)}</Caption1>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <caption className={styles.caption}>{t.previewCaption(current.target.sheet, current.target.cell)}</caption>
            <thead>
              <tr>
                <td className={styles.head} />
                {view.columns.map((column) => (
                  <th key={column} scope="col" className={styles.head}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row" className={styles.head}>
                    {row.label}
                  </th>
                  {row.cells.map((cell) => (
                    <td
                      key={cell.address}
                      title={cell.text || undefined}
                      data-mark={cell.mark ?? undefined}
                      aria-current={cell.mark === 'target' ? 'true' : undefined}
                      className={mergeClasses(
                        styles.cell,
                        cell.mark === 'target' && styles.target,
                        cell.mark === 'related' && styles.related,
                      )}
                    >
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
