import {
  Button,
  Caption1,
  Card,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useId, useMemo, useRef, useState } from 'react';
import { compareWithOpen, readOtherWorkbook, type OtherWorkbook } from '../app/compare';
import type { CheckedWorkbook } from '../core/compare/compare';
import {
  comparedCellText,
  comparedValueText,
  differenceKindText,
  differenceSubject,
  differenceText,
} from '../core/compare/labels';
import { CompareSideSchema, type ComparedValue, type CompareSide, type Comparison } from '../core/compare/schema';
import type { CellRef, Lang } from '../core/finding';
import type { Profile } from '../core/profile';
import { scoreText } from './format';
import { WORKBOOK_FILE_TYPES } from './Landing';
import type { Strings } from './strings';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  pick: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  fileName: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  totals: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  value: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  cell: { fontSize: tokens.fontSizeBase200, textAlign: 'start' },
  numberCell: { textAlign: 'end', width: '4em', fontVariantNumeric: 'tabular-nums' },
});

export interface ComparePanelProps {
  /** The open workbook as last checked (a live re-check compares again). */
  open: CheckedWorkbook;
  profile: Profile;
  lang: Lang;
  t: Strings;
  /** Selects a cell of the open workbook through the host. */
  onSelect(target: CellRef): void;
  onClose(): void;
}

interface SideValueProps {
  value: ComparedValue | null;
  /** The value is in the open workbook, so its cell can be selected. */
  selectable: boolean;
  lang: Lang;
  t: Strings;
  onSelect(target: CellRef): void;
}

/** One side's value with its cell under it; on the open workbook's side the cell is a link that selects it. */
function SideValue({ value, selectable, lang, t, onSelect }: SideValueProps) {
  const styles = useStyles();
  const where = comparedCellText(value, lang, t.noValue);
  return (
    <div className={styles.value}>
      <Text>{comparedValueText(value, t.noValue)}</Text>
      {value &&
        (selectable ? (
          <Link
            as="button"
            className={styles.cell}
            aria-label={t.compareGoTo(where)}
            onClick={() => onSelect({ sheet: value.sheet, cell: value.cell })}
          >
            {where}
          </Link>
        ) : (
          <Caption1 className={styles.cell}>{where}</Caption1>
        ))}
    </div>
  );
}

function DifferenceTable({
  comparison,
  openSide,
  lang,
  t,
  onSelect,
}: {
  comparison: Comparison;
  openSide: CompareSide;
  lang: Lang;
  t: Strings;
  onSelect(target: CellRef): void;
}) {
  const styles = useStyles();
  return (
    <Table size="extra-small" aria-label={t.compareTable}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.colIndicator}</TableHeaderCell>
          <TableHeaderCell>{t.colItem}</TableHeaderCell>
          <TableHeaderCell>{t.compareSide.self}</TableHeaderCell>
          <TableHeaderCell>{t.compareSide.review}</TableHeaderCell>
          <TableHeaderCell className={styles.numberCell}>{t.colDifference}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {comparison.differences.map((d, i) => (
          <TableRow key={`${i}:${d.kind}:${d.path.join('/')}`}>
            <TableCell>{differenceSubject(d, lang)}</TableCell>
            <TableCell>{differenceKindText(d.kind, lang)}</TableCell>
            {CompareSideSchema.options.map((side) => (
              <TableCell key={side}>
                <SideValue value={d[side]} selectable={side === openSide} lang={lang} t={t} onSelect={onSelect} />
              </TableCell>
            ))}
            <TableCell className={styles.numberCell}>{differenceText(d)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * 与另一份文件比对: the open workbook against a file the user picks (read and checked in the browser, never
 * uploaded), the open one as the review by default. Every difference lists both sides' values and cells.
 */
export function ComparePanel({ open, profile, lang, t, onSelect, onClose }: ComparePanelProps) {
  const styles = useStyles();
  const titleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [openSide, setOpenSide] = useState<CompareSide>('review');
  const [other, setOther] = useState<OtherWorkbook | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const comparison = useMemo(
    () => (other ? compareWithOpen(open, other.checked, openSide, profile) : null),
    [open, other, openSide, profile],
  );

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    setError(null);
    setOther(null);
    try {
      const read = readOtherWorkbook(file.name, new Uint8Array(await file.arrayBuffer()), profile, lang);
      if (read.ok) setOther(read.other);
      else setError(t.openFailed(file.name, read.error));
    } catch (cause) {
      setError(t.openFailed(file.name, cause instanceof Error ? cause.message : String(cause)));
    } finally {
      setReading(false);
    }
  };

  const missing =
    comparison?.status === 'no-indicator-table'
      ? CompareSideSchema.options.filter((side) => comparison[side].table === null)
      : [];
  return (
    <Card className={styles.card} role="region" aria-labelledby={titleId}>
      <div className={styles.header}>
        <Subtitle2 as="h2" id={titleId} className={styles.heading}>
          {t.compareWith}
        </Subtitle2>
        <Button appearance="subtle" icon={<DismissRegular />} aria-label={t.compareClose} onClick={onClose} />
      </div>
      <Field label={t.compareOpenIs}>
        <RadioGroup
          layout="horizontal"
          value={openSide}
          onChange={(_, data) => setOpenSide(data.value === 'self' ? 'self' : 'review')}
        >
          {CompareSideSchema.options.map((side) => (
            <Radio key={side} value={side} label={t.compareSide[side]} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.pick}>
        <Button icon={<FolderOpenRegular />} disabled={reading} onClick={() => input.current?.click()}>
          {t.compareChoose}
        </Button>
        {other && <Caption1 className={styles.fileName}>{t.compareFile(other.name)}</Caption1>}
        <input
          ref={input}
          type="file"
          hidden
          aria-label={t.compareChoose}
          accept={WORKBOOK_FILE_TYPES}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            void pick(file);
          }}
        />
        {reading && <Spinner size="tiny" label={t.opening} />}
      </div>
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {missing.map((side) => (
        <MessageBar key={side} intent="warning">
          <MessageBarBody>
            {t.compareNoTable(side === openSide ? t.compareThisWorkbook : `“${other?.name ?? ''}”`)}
          </MessageBarBody>
        </MessageBar>
      ))}
      {comparison?.status === 'compared' && (
        <>
          <div className={styles.totals} role="status">
            <Text weight="semibold">
              {comparison.agree ? t.compareAgree : t.compareCount(comparison.differences.length)}
            </Text>
            {CompareSideSchema.options.map((side) => (
              <Caption1 key={side}>
                {t.compareTotals(
                  t.compareSide[side],
                  scoreText(comparison[side].totalScore, t.noValue, profile.scoreDecimals),
                  comparison[side].grade ?? t.noValue,
                )}
              </Caption1>
            ))}
          </div>
          {!comparison.agree && (
            <DifferenceTable comparison={comparison} openSide={openSide} lang={lang} t={t} onSelect={onSelect} />
          )}
        </>
      )}
    </Card>
  );
}
