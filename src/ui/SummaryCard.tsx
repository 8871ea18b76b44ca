import {
  Badge,
  Caption1,
  Card,
  Link,
  makeStyles,
  ProgressBar,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { LevelOneRow } from '../app/summary';
import type { CheckSummary } from '../core/check';
import { SEVERITIES } from '../app/findings';
import type { Profile } from '../core/profile';
import { percentText, scoreText } from './format';
import { SeverityIcon } from './SeverityIcon';
import type { Strings } from './strings';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  figures: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap' },
  figure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  total: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  counts: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  /** The total as a link: the number keeps its size, the link its focus ring. */
  totalLink: { fontSize: 'inherit', lineHeight: 'inherit', color: 'inherit', textAlign: 'start' },
  count: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  /** Number columns: right-aligned, wide enough for their heading in either language, never run into the next. */
  /** Columns sized by their content: the name takes what the numbers and the bar leave. */
  table: { tableLayout: 'auto' },
  numberCell: { textAlign: 'end', width: '1%', whiteSpace: 'nowrap', paddingInlineStart: tokens.spacingHorizontalM },
  numberHead: { justifyContent: 'flex-end' },
  nameCell: { minWidth: '4em', overflowWrap: 'anywhere' },
  rateCell: { width: '38%', paddingInlineStart: tokens.spacingHorizontalM },
  rate: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1, minWidth: '32px' },
  rateText: { minWidth: '4.5em', textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

/** Badge colour of a grade by its place in the profile: the top grade green … the last red. */
function gradeColor(grade: string | null, profile: Profile): BadgeProps['color'] {
  const index = grade === null ? -1 : profile.grades.findIndex((g) => g.grade === grade || g.aliases.includes(grade));
  if (index < 0) return 'informative';
  if (index === profile.grades.length - 1 && index > 0) return 'danger';
  return (['success', 'brand', 'warning'] as const)[index] ?? 'warning';
}

function barColor(rate: number): 'success' | 'brand' | 'warning' | 'error' {
  return rate >= 0.9 ? 'success' : rate >= 0.8 ? 'brand' : rate >= 0.6 ? 'warning' : 'error';
}

export interface SummaryCardProps {
  summary: CheckSummary;
  rows: readonly LevelOneRow[];
  profile: Profile;
  t: Strings;
  /** Shows the total's cell and the scores it adds up (the standalone page's preview, or Excel's selection). */
  onSelectTotal?: () => void;
}

/** 总分, 等级, the counts of findings, and the level-1 table with a bar for each 得分率. */
export function SummaryCard({ summary, rows, profile, t, onSelectTotal }: SummaryCardProps) {
  const styles = useStyles();
  const titleId = useId();
  const counts = { error: summary.errors, warning: summary.warnings, info: summary.infos };
  return (
    <Card className={styles.card} aria-labelledby={titleId} role="region">
      <Subtitle2 as="h2" id={titleId} className={styles.heading}>
        {t.summaryTitle}
      </Subtitle2>
      <div className={styles.figures}>
        <div className={styles.figure}>
          <Caption1>{t.totalScore}</Caption1>
          {onSelectTotal && summary.totalScore !== null ? (
            <Text className={styles.total}>
              <Link
                as="button"
                className={styles.totalLink}
                aria-label={t.showTotal(scoreText(summary.totalScore, t.noValue, profile.scoreDecimals))}
                onClick={onSelectTotal}
              >
                <span data-testid="total-score">{scoreText(summary.totalScore, t.noValue, profile.scoreDecimals)}</span>
              </Link>
            </Text>
          ) : (
            <Text className={styles.total} data-testid="total-score">
              {scoreText(summary.totalScore, t.noValue, profile.scoreDecimals)}
            </Text>
          )}
        </div>
        <div className={styles.figure}>
          <Caption1>{t.grade}</Caption1>
          <Badge size="extra-large" appearance="filled" color={gradeColor(summary.grade, profile)} data-testid="grade">
            {summary.grade ?? t.noValue}
          </Badge>
        </div>
      </div>
      <ul className={styles.counts}>
        {SEVERITIES.map((severity) => (
          <li key={severity} className={styles.count}>
            <SeverityIcon severity={severity} label={t.severity[severity]} />
            <Text>
              {t.severityCount[severity]} {counts[severity]}
            </Text>
          </li>
        ))}
      </ul>
      {rows.length === 0 ? (
        <Caption1>{t.noLevel1}</Caption1>
      ) : (
        <Table size="extra-small" aria-label={t.level1Title} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.colIndicator}</TableHeaderCell>
              <TableHeaderCell className={styles.numberCell} button={{ className: styles.numberHead }}>
                {t.colWeight}
              </TableHeaderCell>
              <TableHeaderCell className={styles.numberCell} button={{ className: styles.numberHead }}>
                {t.colScore}
              </TableHeaderCell>
              <TableHeaderCell className={styles.rateCell}>{t.colRate}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, i) => {
              const rate = percentText(row.rate, t.noValue, profile.rateDecimals);
              // The funds row of a self-evaluation form is named by what it scores (预算执行率), not its label.
              const name = row.kind === 'budget' ? t.budgetRow : row.name;
              return (
                <TableRow key={`${i}:${row.name}`}>
                  <TableCell className={styles.nameCell}>{name}</TableCell>
                  <TableCell className={styles.numberCell}>{scoreText(row.weight, t.noValue)}</TableCell>
                  <TableCell className={styles.numberCell}>{scoreText(row.score, t.noValue)}</TableCell>
                  <TableCell className={styles.rateCell}>
                    <div className={styles.rate}>
                      {row.rate !== null && (
                        <ProgressBar
                          className={styles.bar}
                          value={Math.max(0, Math.min(1, row.rate))}
                          max={1}
                          thickness="large"
                          color={barColor(row.rate)}
                          aria-label={t.rateBar(name, rate)}
                        />
                      )}
                      <span className={styles.rateText}>{rate}</span>
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
