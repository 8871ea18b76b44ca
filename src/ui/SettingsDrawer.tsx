import {
  Button,
  Caption1,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Select,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { toDraft, type ProfileDraft } from '../app/profile-draft';
import type { Lang } from '../core/finding';
import { RuleSettingSchema, type Profile } from '../core/profile';

const RULE_SETTINGS = RuleSettingSchema.options;
import { RULES } from '../core/rules';
import type { Strings } from './strings';

const useStyles = makeStyles({
  drawer: { maxWidth: '100vw' },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  gradeHeader: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) 32px',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  gradeRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) 32px',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  input: { minWidth: 0, width: '100%' },
  decimals: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalM },
  rule: { alignItems: 'flex-start' },
  footer: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface SettingsDrawerProps {
  open: boolean;
  profile: Profile;
  lang: Lang;
  t: Strings;
  busy: boolean;
  /** Validates and saves; resolves to the problem's message (naming the field), or null when saved. */
  onSave(draft: ProfileDraft): Promise<string | null>;
  onClose(): void;
}

/** The profile's settings: grades, decimals, option values, level-1 aliases and the rules switched off. */
export function SettingsDrawer({ open, profile, lang, t, busy, onSave, onClose }: SettingsDrawerProps) {
  const styles = useStyles();
  return (
    <OverlayDrawer
      open={open}
      position="end"
      size="medium"
      className={styles.drawer}
      onOpenChange={(_, data) => !data.open && onClose()}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label={t.close} icon={<DismissRegular />} onClick={onClose} />}
        >
          {t.settingsTitle}
        </DrawerHeaderTitle>
      </DrawerHeader>
      {open && <SettingsForm profile={profile} lang={lang} t={t} busy={busy} onSave={onSave} onClose={onClose} />}
    </OverlayDrawer>
  );
}

function SettingsForm({ profile, lang, t, busy, onSave, onClose }: Omit<SettingsDrawerProps, 'open'>) {
  const styles = useStyles();
  const [draft, setDraft] = useState<ProfileDraft>(() => toDraft(profile));
  const [problem, setProblem] = useState<string | null>(null);
  const update = (patch: Partial<ProfileDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setGrade = (index: number, patch: Partial<ProfileDraft['grades'][number]>) =>
    update({ grades: draft.grades.map((g, i) => (i === index ? { ...g, ...patch } : g)) });

  const save = async () => {
    const message = await onSave(draft);
    setProblem(message);
    if (message === null) onClose();
  };

  return (
    <>
      <DrawerBody className={styles.body}>
        <fieldset className={styles.section}>
          <legend className={styles.legend}>
            <Subtitle2>{t.grades}</Subtitle2>
          </legend>
          <Caption1>{t.gradesHint}</Caption1>
          <div className={styles.gradeHeader} aria-hidden="true">
            <Caption1>{t.gradeName}</Caption1>
            <Caption1>{t.gradeMin}</Caption1>
          </div>
          {draft.grades.map((grade, i) => (
            <div key={i} className={styles.gradeRow}>
              <Input
                size="small"
                className={styles.input}
                aria-label={`${t.gradeName} ${i + 1}`}
                value={grade.grade}
                onChange={(_, data) => setGrade(i, { grade: data.value })}
              />
              <Input
                size="small"
                className={styles.input}
                type="number"
                inputMode="decimal"
                aria-label={`${t.gradeMin} ${i + 1}`}
                value={grade.min}
                onChange={(_, data) => setGrade(i, { min: data.value })}
              />
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={t.removeGrade(grade.grade || String(i + 1))}
                onClick={() => update({ grades: draft.grades.filter((_, j) => j !== i) })}
              />
            </div>
          ))}
          <div>
            <Button
              size="small"
              icon={<AddRegular />}
              onClick={() => update({ grades: [...draft.grades, { grade: '', min: '0', aliases: [] }] })}
            >
              {t.addGrade}
            </Button>
          </div>
        </fieldset>

        <div className={styles.decimals}>
          {(['rateDecimals', 'scoreDecimals'] as const).map((key) => (
            <Field key={key} label={t[key]} size="small">
              <Input
                className={styles.input}
                type="number"
                min={0}
                max={10}
                value={draft[key]}
                onChange={(_, data) => update({ [key]: data.value })}
              />
            </Field>
          ))}
        </div>

        <Field label={t.optionValues} hint={t.optionValuesHint} size="small">
          <Textarea
            resize="vertical"
            rows={6}
            value={draft.optionValues}
            onChange={(_, data) => update({ optionValues: data.value })}
          />
        </Field>

        <Field label={t.aliases} hint={t.aliasesHint} size="small">
          <Textarea
            resize="vertical"
            rows={6}
            value={draft.level1Aliases}
            onChange={(_, data) => update({ level1Aliases: data.value })}
          />
        </Field>

        <fieldset className={styles.section}>
          <legend className={styles.legend}>
            <Subtitle2>{t.ruleSeverity}</Subtitle2>
          </legend>
          {RULES.map((rule) => (
            <Field
              key={rule.code}
              className={styles.rule}
              size="small"
              orientation="horizontal"
              label={rule.name[lang]}
              hint={rule.description[lang]}
            >
              <Select
                title={rule.code}
                value={draft.rules[rule.code] ?? 'default'}
                onChange={(_, data) => {
                  const { [rule.code]: _old, ...others } = draft.rules;
                  const setting = RULE_SETTINGS.find((s) => s === data.value);
                  update({ rules: setting ? { ...others, [rule.code]: setting } : others });
                }}
              >
                <option value="default">{t.ruleDefault(t.severity[rule.severity])}</option>
                {RULE_SETTINGS.map((setting) => (
                  <option key={setting} value={setting}>
                    {t.ruleSetting[setting]}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </fieldset>
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        {problem !== null && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t.invalidSettings(problem)}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy} onClick={() => void save()}>
            {t.save}
          </Button>
          <Button onClick={onClose}>{t.cancel}</Button>
        </div>
      </DrawerFooter>
    </>
  );
}
