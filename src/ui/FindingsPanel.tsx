import {
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  mergeClasses,
  Option,
  Subtitle2,
  Text,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, WandRegular } from '@fluentui/react-icons';
import { useId, useState, type KeyboardEvent } from 'react';
import { applyFilter, cellKey, codesOf, groupFindings, SEVERITIES } from '../app/findings';
import type { Finding, Lang, Severity } from '../core/finding';
import { ruleDescription, ruleName } from '../core/rule-names';
import { valuesToShow } from '../core/shown';
import { SeverityIcon } from './SeverityIcon';
import type { Strings } from './strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  severities: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  dropdown: { minWidth: '160px', maxWidth: '100%' },
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  sheetHeading: {
    margin: 0,
    paddingTop: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  severityHeading: {
    margin: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  main: {
    flexGrow: 1,
    minWidth: 0,
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  iconCell: { paddingTop: '2px' },
  top: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  /** The rule's short name is the finding's title; its code is the tooltip. */
  name: { fontWeight: tokens.fontWeightSemibold },
  cell: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  body: {
    gridColumnStart: 2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
  values: { color: tokens.colorNeutralForeground2 },
  fix: { flexShrink: 0, marginTop: tokens.spacingVerticalXS, minWidth: 'auto' },
});

export interface FindingsPanelProps {
  findings: readonly Finding[];
  lang: Lang;
  t: Strings;
  busy: boolean;
  selected: string | null;
  onSelect(finding: Finding): void;
  onFix(finding: Finding): void;
}

/** Findings grouped by sheet then severity, filtered by severity and rule; each selects its cell, some offer a fix. */
export function FindingsPanel({ findings, lang, t, busy, selected, onSelect, onFix }: FindingsPanelProps) {
  const styles = useStyles();
  const titleId = useId();
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [code, setCode] = useState<string | null>(null);
  const codes = codesOf(findings);
  const activeCode = code !== null && codes.includes(code) ? code : null;
  const groups = groupFindings(applyFilter(findings, { severities, code: activeCode }));
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]),
  ) as Record<Severity, number>;
  const values = (finding: Finding): string | undefined => {
    const { expected, actual } = valuesToShow(finding);
    if (expected !== undefined && actual !== undefined) return t.expectedActual(expected, actual);
    if (expected !== undefined) return t.expected(expected);
    return actual === undefined ? undefined : t.actual(actual);
  };

  const toggle = (severity: Severity) =>
    setSeverities((current) => {
      const next = new Set(current);
      if (next.has(severity)) next.delete(severity);
      else next.add(severity);
      return next;
    });

  const keyDown = (finding: Finding) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(finding);
    }
  };

  return (
    <section className={styles.panel} aria-labelledby={titleId}>
      <Subtitle2 as="h2" id={titleId} className={styles.heading}>
        {t.findingsTitle}
      </Subtitle2>
      {findings.length > 0 && (
        <div className={styles.filters}>
          <div role="group" aria-label={t.filterSeverity} className={styles.severities}>
            {SEVERITIES.map((severity) => (
              <ToggleButton
                key={severity}
                size="small"
                shape="circular"
                checked={severities.has(severity)}
                onClick={() => toggle(severity)}
                icon={<SeverityIcon severity={severity} />}
              >
                {t.severityCount[severity]} {counts[severity]}
              </ToggleButton>
            ))}
          </div>
          <Field label={t.filterCode} size="small">
            <Dropdown
              size="small"
              className={styles.dropdown}
              value={activeCode ? ruleName(activeCode, lang) : t.allCodes}
              selectedOptions={[activeCode ?? '']}
              onOptionSelect={(_, data) => setCode(data.optionValue ? data.optionValue : null)}
            >
              <Option value="" text={t.allCodes}>
                {t.allCodes}
              </Option>
              {codes.map((c) => (
                <Option key={c} value={c} text={ruleName(c, lang)} title={ruleDescription(c, lang)}>
                  {ruleName(c, lang)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
      )}
      {findings.length === 0 ? (
        <Text>{t.noFindings}</Text>
      ) : groups.length === 0 ? (
        <Text>{t.noneMatch}</Text>
      ) : (
        groups.map((group, g) => (
          <section key={group.sheet} className={styles.sheet} aria-labelledby={`${titleId}-s${g}`}>
            <Subtitle2 as="h3" id={`${titleId}-s${g}`} className={styles.sheetHeading}>
              {t.sheetHeading(group.sheet, group.count)}
            </Subtitle2>
            {group.bySeverity.map(({ severity, findings: list }) => (
              <div key={severity}>
                <h4 className={styles.severityHeading} id={`${titleId}-s${g}-${severity}`}>
                  {t.severityCount[severity]} {list.length}
                </h4>
                <ul className={styles.list} aria-labelledby={`${titleId}-s${g} ${titleId}-s${g}-${severity}`}>
                  {list.map((finding, i) => {
                    const key = cellKey(finding);
                    const shown = values(finding);
                    return (
                      <li
                        key={`${i}:${finding.code}:${finding.cell}`}
                        className={mergeClasses(styles.item, selected === key && styles.selected)}
                      >
                        <div
                          role="button"
                          tabIndex={0}
                          className={styles.main}
                          title={t.selectHint}
                          aria-current={selected === key ? 'true' : undefined}
                          onClick={() => onSelect(finding)}
                          onKeyDown={keyDown(finding)}
                        >
                          <span className={styles.iconCell}>
                            <SeverityIcon severity={finding.severity} label={t.severity[finding.severity]} />
                          </span>
                          <span className={styles.top}>
                            <span className={styles.name} title={t.ruleCode(finding.code)}>
                              {ruleName(finding.code, lang)}
                            </span>
                            <span className={styles.cell}>{finding.cell}</span>
                          </span>
                          <span className={styles.body}>
                            <Text>{finding.message}</Text>
                            {shown !== undefined && <Caption1 className={styles.values}>{shown}</Caption1>}
                          </span>
                        </div>
                        {finding.fix && (
                          <Button
                            className={styles.fix}
                            size="small"
                            icon={finding.fix.kind === 'fill' ? <WandRegular /> : <CheckmarkCircleRegular />}
                            disabled={busy}
                            aria-label={t.fixLabel(finding.fix.kind, `${finding.sheet}!${finding.cell}`)}
                            onClick={() => onFix(finding)}
                          >
                            {t.fix[finding.fix.kind]}
                          </Button>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        ))
      )}
    </section>
  );
}
