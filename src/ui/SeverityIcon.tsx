import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircleFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import type { Severity } from '../core/finding';

const useStyles = makeStyles({
  icon: { flexShrink: 0, fontSize: '16px' },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorBrandForeground1 },
});

const ICONS = { error: ErrorCircleFilled, warning: WarningFilled, info: InfoFilled } as const;

/** The severity's icon, labelled for screen readers (错误 / 警告 / 提示). */
/** Without a label the icon is decorative (hidden from screen readers): the text beside it says the severity. */
export function SeverityIcon({ severity, label }: { severity: Severity; label?: string }) {
  const styles = useStyles();
  const Icon = ICONS[severity];
  return <Icon {...(label ? { 'aria-label': label } : {})} className={mergeClasses(styles.icon, styles[severity])} />;
}
