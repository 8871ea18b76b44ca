import { Caption1, Input, makeStyles, mergeClasses, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled } from '@fluentui/react-icons';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Preview } from '../app/controller';
import { cellKey } from '../app/findings';
import type { SelectionStore } from '../app/selection';
import { labelCellOf, previewWindow } from '../app/sheet-preview';
import type { CheckResult } from '../core/check';
import type { CellRef, Lang } from '../core/finding';
import type { EditRefusal } from '../core/fix/edit';
import { ruleName } from '../core/rule-names';
import { shownCell, shownNumber } from '../core/shown';
import type { WorkbookSnapshot } from '../core/snapshot';
import { SeverityIcon } from './SeverityIcon';
import type { Strings } from './strings';

const GAP = `3px double ${tokens.colorNeutralStroke1}`;

const useStyles = makeStyles({
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    scrollMarginTop: tokens.spacingVerticalL,
  },
  heading: { margin: 0 },
  findings: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  finding: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start', overflowWrap: 'anywhere' },
  resolved: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  resolvedIcon: { color: tokens.colorStatusSuccessForeground1, flexShrink: 0 },
  scroll: {
    overflowX: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
  },
  caption: { color: tokens.colorNeutralForeground2 },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: '2px 6px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'center',
  },
  cell: {
    padding: '2px 6px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxWidth: '12em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  /** The row numbers and the label column stay in view while the table scrolls sideways to the finding. */
  stickyHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    minWidth: '2.5em',
    width: '2.5em',
    boxSizing: 'border-box',
  },
  stickyLabel: {
    position: 'sticky',
    left: '2.5em',
    zIndex: 1,
    maxWidth: '8em',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  stickyLabelHead: { position: 'sticky', left: '2.5em', zIndex: 1 },
  /** Context columns (neither the finding's, its label's nor its inputs'): narrower, so the key ones fit a pane. */
  context: { maxWidth: '6em' },
  /** Numbers stand right-aligned, as Excel shows them. */
  numeric: { textAlign: 'end' },
  /** Columns or rows left out between two shown ones. */
  gapBefore: { borderLeft: GAP },
  rowGap: { borderTop: GAP },
  target: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorBrandBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  related: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  label: { fontWeight: tokens.fontWeightSemibold },
  /** A typed number the user can change: a dashed frame, and the whole cell is the button. */
  editable: { padding: 0 },
  editButton: {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    padding: '1px 5px',
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: 'transparent',
    color: 'inherit',
    font: 'inherit',
    textAlign: 'inherit',
    cursor: 'text',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    ':disabled': { cursor: 'default' },
  },
  input: { width: '7em', minWidth: 0 },
  /** A value the open edit preview will write (the edited cell and the formulas that move with it). */
  pending: {
    color: tokens.colorPaletteGreenForeground1,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** What the cells of an open edit preview will show: the edited cell's new number and its dependents' new results. */
function pendingTexts(preview: Preview | null | undefined): Map<string, string> {
  const texts = new Map<string, string>();
  if (preview?.kind !== 'edit') return texts;
  for (const write of preview.writes) {
    const text = typeof write.value === 'number' ? shownNumber(write.value, write.old.format) : write.value;
    texts.set(`${write.sheet}!${write.cell}`, text);
  }
  for (const d of preview.dependents ?? []) {
    if (d.value === undefined) continue;
    const format = d.format !== undefined ? { format: d.format } : {};
    texts.set(`${d.sheet}!${d.cell}`, shownCell({ row: 0, col: 0, value: d.value, ...format }));
  }
  return texts;
}

export interface SheetPreviewProps {
  snapshot: WorkbookSnapshot | null;
  /** The last check: the findings at the selected cell and the labels of its row. */
  result: CheckResult | null;
  selection: SelectionStore;
  /** The finding the user selected (`sheet!cell`), to say when it is gone after a fix. */
  selectedFinding: string | null;
  lang: Lang;
  t: Strings;
  /**
   * Edits on site: a typed number changed here opens the controller's edit preview (the cell, old → new, the formulas
   * that move); returns why the text or cell was refused. Absent, the window is read-only.
   */
  onEdit?: (target: CellRef, text: string) => EditRefusal | null;
  /** The open preview: an edit's new values are shown in the grid while the user confirms it. */
  pending?: Preview | null;
  /** Something is being written or read: no edit starts. */
  busy?: boolean;
}

/**
 * The standalone page's answer to select(): a window of the sheet centred on the cell, with the label of its row and
 * every cell it rests on, numbers as their cells show them. It follows the workbook: after a fix or an edit it shows
 * the new content, and says when the cell has no finding any more. With `onEdit`, its typed numbers can be changed:
 * the new number and the results that move with it show in the grid while the confirmation is open.
 */
export function SheetPreview({
  snapshot,
  result,
  selection,
  selectedFinding,
  lang,
  t,
  onEdit,
  pending,
  busy = false,
}: SheetPreviewProps) {
  const styles = useStyles();
  const titleId = useId();
  const problemId = useId();
  const [editing, setEditing] = useState<{ address: string; draft: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const pendingText = useMemo(() => pendingTexts(pending), [pending]);
  const ref = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const current = useSyncExternalStore(selection.subscribe, selection.get);
  useEffect(() => {
    if (current) ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    setEditing(null);
    setProblem(null);
  }, [current]);
  const editingAddress = editing?.address;
  useEffect(() => {
    if (editingAddress) inputRef.current?.focus();
  }, [editingAddress]);
  const view = useMemo(() => {
    if (!current || !snapshot) return undefined;
    const sheet = snapshot.sheets.find((s) => s.name === current.target.sheet);
    const label = result ? labelCellOf(result.model, current.target) : undefined;
    return sheet ? previewWindow(sheet, current.target, current.related, { label }) : undefined;
  }, [current, snapshot, result]);
  // Centre the finding's cell in the scrolled table, again when the pane is resized.
  useLayoutEffect(() => {
    const centre = () => {
      const box = scrollRef.current;
      const target = box?.querySelector<HTMLElement>('td[data-mark="target"]');
      if (!box || !target) return;
      box.scrollLeft = Math.max(0, target.offsetLeft + target.offsetWidth / 2 - box.clientWidth / 2);
    };
    centre();
    globalThis.addEventListener?.('resize', centre);
    return () => globalThis.removeEventListener?.('resize', centre);
  }, [view]);
  if (!current || !snapshot) return null;
  const here = result?.findings.filter((f) => f.sheet === current.target.sheet && f.cell === current.target.cell) ?? [];
  const fromFinding = selectedFinding === cellKey(current.target);
  // The label column, when it comes first, stays beside the row numbers.
  const stickyLabel = !!view?.rows.some((row) => row.cells[0]?.mark === 'label');
  const sheetName = view?.sheet ?? current.target.sheet;
  const submit = () => {
    if (!editing || !onEdit) return;
    const refusal = onEdit({ sheet: sheetName, cell: editing.address }, editing.draft);
    if (refusal) setProblem(t.editRefused(refusal));
    else {
      setEditing(null);
      setProblem(null);
    }
  };
  const cancel = () => {
    setEditing(null);
    setProblem(null);
  };
  return (
    <section ref={ref} className={styles.preview} aria-labelledby={titleId} data-testid="sheet-preview">
      <Subtitle2 as="h2" id={titleId} className={styles.heading}>
        {t.cellPreview}
      </Subtitle2>
      {here.length > 0 ? (
        <ul className={styles.findings}>
          {here.map((f, i) => (
            <li key={`${i}:${f.code}`} className={styles.finding}>
              <SeverityIcon severity={f.severity} label={t.severity[f.severity]} />
              <Text size={200}>{t.findingLine(ruleName(f.code, lang), f.message)}</Text>
            </li>
          ))}
        </ul>
      ) : (
        fromFinding && (
          <Caption1 className={styles.resolved} data-testid="resolved">
            <CheckmarkCircleFilled className={styles.resolvedIcon} aria-hidden />
            {t.resolved}
          </Caption1>
        )
      )}
      {!view ? (
        <Caption1>{t.sheetMissing(current.target.sheet)}</Caption1>
      ) : (
        <>
          <Caption1 className={styles.caption} id={`${titleId}-caption`}>
            {t.previewCaption(current.target.sheet, current.target.cell)}
          </Caption1>
          {onEdit && <Caption1 className={styles.hint}>{t.editHint}</Caption1>}
          <div
            className={styles.scroll}
            ref={scrollRef}
            tabIndex={0}
            role="region"
            aria-labelledby={`${titleId}-caption`}
          >
            <table className={styles.table} aria-labelledby={`${titleId}-caption`}>
              <thead>
                <tr>
                  <td className={mergeClasses(styles.head, styles.stickyHead)} />
                  {view.columns.map((column, i) => (
                    <th
                      key={column.name}
                      scope="col"
                      className={mergeClasses(
                        styles.head,
                        column.gapBefore && styles.gapBefore,
                        i === 0 && stickyLabel && styles.stickyLabelHead,
                      )}
                      title={column.gapBefore ? t.skipped : undefined}
                    >
                      {column.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.rows.map((row) => (
                  <tr key={row.label} className={row.gapBefore ? styles.rowGap : undefined}>
                    <th
                      scope="row"
                      className={mergeClasses(styles.head, styles.stickyHead, row.gapBefore && styles.rowGap)}
                      title={row.gapBefore ? t.skipped : undefined}
                    >
                      {row.label}
                    </th>
                    {row.cells.map((cell, i) => {
                      const ref = `${view.sheet}!${cell.address}`;
                      const next = pendingText.get(ref);
                      const text = next ?? cell.text;
                      const editable = !!onEdit && cell.editable;
                      return (
                        <td
                          key={cell.address}
                          title={editable ? undefined : text || undefined}
                          data-mark={cell.mark ?? undefined}
                          data-cell={cell.address}
                          data-pending={next !== undefined ? 'true' : undefined}
                          aria-current={cell.mark === 'target' ? 'true' : undefined}
                          className={mergeClasses(
                            styles.cell,
                            cell.numeric && styles.numeric,
                            !view.columns[i]?.key && styles.context,
                            view.columns[i]?.gapBefore && styles.gapBefore,
                            row.gapBefore && styles.rowGap,
                            cell.mark === 'target' && styles.target,
                            cell.mark === 'related' && styles.related,
                            cell.mark === 'label' && styles.label,
                            i === 0 && stickyLabel && styles.stickyLabel,
                            editable && styles.editable,
                            next !== undefined && styles.pending,
                          )}
                        >
                          {editable && editing?.address === cell.address ? (
                            <Input
                              ref={inputRef}
                              size="small"
                              className={styles.input}
                              value={editing.draft}
                              aria-label={t.editInput(ref)}
                              aria-invalid={problem !== null ? true : undefined}
                              aria-describedby={problem !== null ? problemId : undefined}
                              onChange={(_, data) => {
                                setEditing({ address: cell.address, draft: data.value });
                                setProblem(null);
                              }}
                              onKeyDown={(event) => {
                                if (event.key === 'Enter') {
                                  event.preventDefault();
                                  submit();
                                } else if (event.key === 'Escape') {
                                  event.preventDefault();
                                  cancel();
                                }
                              }}
                            />
                          ) : editable ? (
                            <button
                              type="button"
                              className={styles.editButton}
                              title={t.editCell(ref)}
                              disabled={busy || !!pending}
                              onClick={() => {
                                setEditing({ address: cell.address, draft: cell.text });
                                setProblem(null);
                              }}
                            >
                              {text}
                            </button>
                          ) : (
                            text
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {problem !== null && (
            <Text role="alert" id={problemId} size={200} className={styles.problem} data-testid="edit-problem">
              {problem}
            </Text>
          )}
        </>
      )}
    </section>
  );
}
