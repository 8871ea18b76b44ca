import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownRegular } from '@fluentui/react-icons';
import { Fragment, useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Preview } from '../app/controller';
import { formulaPieces } from '../app/formula-display';
import type { Finding, Lang, Severity } from '../core/finding';
import type { Dependent } from '../core/fix/edit';
import type { CellWrite } from '../core/fix/plan';
import { coreText } from '../core/i18n';
import { ruleName } from '../core/rule-names';
import { shownCell, shownNumber } from '../core/shown';
import { SeverityIcon } from './SeverityIcon';
import type { Strings } from './strings';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(720px, calc(100vw - 24px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '50vh',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  address: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  rule: { color: tokens.colorNeutralForeground2 },
  change: { fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
  /** A formula on its own lines: it wraps only between its pieces (before an operator, after a comma). */
  formula: {
    display: 'block',
    margin: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'normal',
    wordBreak: 'keep-all',
    overflowWrap: 'break-word',
  },
  formulaLabel: { color: tokens.colorNeutralForeground3 },
  section: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  cue: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** What the cell shows before and after: its value through its number format, `（空）` for a blank. */
function changeTexts(write: CellWrite, lang: Lang): { from: string; to: string } {
  const empty = coreText(lang).audit.empty;
  const { old } = write;
  const from = old.value.type === 'empty' ? empty : shownCell({ row: 0, col: 0, value: old.value, format: old.format });
  const format = write.format ?? old.format;
  const to = typeof write.value === 'number' ? shownNumber(write.value, format, { exact: true }) : write.value;
  return { from, to };
}

/** What a dependent formula shows before and after, through its cell's number format. */
function dependentTexts(dependent: Dependent, t: Strings): { from: string; to: string } {
  const format = dependent.format !== undefined ? { format: dependent.format } : {};
  const from = shownCell({ row: 0, col: 0, value: dependent.old, ...format });
  const to =
    dependent.value === undefined
      ? t.previewNotRecomputed
      : shownCell({ row: 0, col: 0, value: dependent.value, ...format });
  return { from, to };
}

/** A formula with a line-break opportunity between its pieces, and nowhere else. */
function Formula({ formula, className, label }: { formula: string; className: string; label: string }) {
  return (
    <code className={className} title={label}>
      =
      {formulaPieces(formula).map((piece, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </code>
  );
}

export interface PreviewDialogProps {
  preview: Preview | null;
  /** The findings the writes answer: the list shows the most severe first. */
  findings: readonly Finding[];
  lang: Lang;
  t: Strings;
  onApply(): void;
  onCancel(): void;
}

/**
 * Every cell a fill or a correction will change, as a list a narrow pane can read: the cell and its rule, what it
 * shows before and after, and the formula on its own lines. The count comes first and a cue says when more lies
 * below the fold. An edit on site lists its cell, old → new, then every formula that moves with it. Nothing is
 * written without Apply.
 */
export function PreviewDialog({ preview, findings, lang, t, onApply, onCancel }: PreviewDialogProps) {
  const styles = useStyles();
  const introId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const [hidden, setHidden] = useState(0);
  // The dialog stays mounted and closes with its last content, so focus goes back where it was.
  const last = useRef<Preview | null>(null);
  if (preview) last.current = preview;
  const shown = preview ?? last.current;

  /** How many items are not wholly in the visible part of the list (cut off at its bottom, or further down). */
  const measure = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const bottom = list.getBoundingClientRect().bottom;
    const items = [...list.children] as HTMLElement[];
    setHidden(items.filter((item) => item.getBoundingClientRect().bottom > bottom + 1).length);
  }, []);
  useLayoutEffect(() => {
    if (!preview) return;
    const frame = requestAnimationFrame(measure);
    const list = listRef.current;
    const observer = typeof ResizeObserver === 'undefined' || !list ? undefined : new ResizeObserver(measure);
    if (list) observer?.observe(list);
    globalThis.addEventListener?.('resize', measure);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      globalThis.removeEventListener?.('resize', measure);
    };
  }, [preview, measure]);

  if (!shown) return null;
  const edit = shown.kind === 'edit';
  const title =
    shown.kind === 'fill'
      ? t.previewFillTitle
      : shown.kind === 'correct'
        ? t.previewCorrectTitle
        : edit
          ? t.previewEditTitle
          : t.previewFixTitle[shown.finding?.fix?.kind ?? 'fill'];
  const dependents = shown.dependents ?? [];
  const edited = shown.writes[0];
  const intro =
    edit && edited
      ? t.previewEditIntro(`${edited.sheet}!${edited.cell}`, dependents.filter((d) => d.value !== undefined).length)
      : t.previewIntro(shown.writes.length);
  const severityOf = (write: CellWrite): Severity =>
    findings.find(
      (f) => f.code === write.code && f.fix?.writes.some((w) => w.sheet === write.sheet && w.cell === write.cell),
    )?.severity ??
    findings.find((f) => f.code === write.code)?.severity ??
    'info';
  const writes = shown.writes
    .map((write, order) => ({ write, order, severity: severityOf(write) }))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.order - b.order);
  const words = coreText(lang);
  return (
    <Dialog open={preview !== null} modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface className={styles.surface} aria-describedby={introId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1 id={introId}>{intro}</Body1>
            {edit && dependents.length === 0 && <Caption1>{t.previewEditNoDependents}</Caption1>}
            <ol ref={listRef} className={styles.list} aria-label={t.previewList} tabIndex={0} onScroll={measure}>
              {writes.map(({ write, severity }) => {
                const { from, to } = changeTexts(write, lang);
                return (
                  <li key={`${write.sheet}!${write.cell}`} className={styles.item} data-testid="preview-item">
                    <div className={styles.head}>
                      {!edit && <SeverityIcon severity={severity} label={words.severity[severity]} />}
                      <span className={styles.address}>{`${write.sheet}!${write.cell}`}</span>
                      {edit ? (
                        <span className={styles.rule}>{t.editRule}</span>
                      ) : (
                        <span className={styles.rule} title={t.ruleCode(write.code)}>
                          {ruleName(write.code, lang)}
                        </span>
                      )}
                    </div>
                    <div className={styles.change}>{t.previewChange(from, to)}</div>
                    {write.old.formula !== undefined && (
                      <Caption1 className={styles.formulaLabel}>{t.previewOldFormula}</Caption1>
                    )}
                    {write.old.formula !== undefined && (
                      <Formula formula={write.old.formula} className={styles.formula} label={t.previewOldFormula} />
                    )}
                    {write.formula !== undefined && (
                      <Formula formula={write.formula} className={styles.formula} label={t.previewFormula} />
                    )}
                  </li>
                );
              })}
              {dependents.map((dependent, i) => {
                const { from, to } = dependentTexts(dependent, t);
                return (
                  <li
                    key={`${dependent.sheet}!${dependent.cell}`}
                    className={styles.item}
                    data-testid="preview-dependent"
                  >
                    {i === 0 && <Caption1 className={styles.section}>{t.previewDependents}</Caption1>}
                    <div className={styles.head}>
                      <span className={styles.address}>{`${dependent.sheet}!${dependent.cell}`}</span>
                    </div>
                    <div className={styles.change}>{t.previewChange(from, to)}</div>
                    <Formula formula={dependent.formula} className={styles.formula} label={t.previewFormula} />
                  </li>
                );
              })}
            </ol>
            {hidden > 0 && (
              <Caption1 className={styles.cue} data-testid="scroll-cue">
                <ArrowDownRegular aria-hidden />
                {t.scrollCue(hidden)}
              </Caption1>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onApply}>
              {t.apply}
            </Button>
            <Button onClick={onCancel}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
