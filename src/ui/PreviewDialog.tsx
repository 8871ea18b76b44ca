import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useId, useRef } from 'react';
import type { Preview } from '../app/controller';
import type { Lang } from '../core/finding';
import { contentText } from '../core/fix/audit';
import type { CellWrite } from '../core/fix/plan';
import type { CellValue } from '../core/snapshot';
import type { Strings } from './strings';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(720px, calc(100vw - 24px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { maxHeight: '50vh', overflowY: 'auto' },
  table: { tableLayout: 'auto' },
  text: {
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    verticalAlign: 'top',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  oldColumn: { width: '25%' },
  newColumn: { width: '45%' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  address: { display: 'block', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  code: {
    display: 'block',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

/** The new content as the audit sheet records it: `=formula → value`. */
export function newContent(write: CellWrite, lang: Lang): string {
  const value: CellValue =
    typeof write.value === 'number' ? { type: 'number', value: write.value } : { type: 'text', value: write.value };
  return contentText(value, write.formula, lang);
}

export interface PreviewDialogProps {
  preview: Preview | null;
  lang: Lang;
  t: Strings;
  onApply(): void;
  onCancel(): void;
}

/** Every cell a fill or fix will change, old → new, with its rule; nothing is written without Apply. */
export function PreviewDialog({ preview, lang, t, onApply, onCancel }: PreviewDialogProps) {
  const styles = useStyles();
  const introId = useId();
  // The dialog stays mounted and closes with its last content, so focus goes back where it was.
  const last = useRef<Preview | null>(null);
  if (preview) last.current = preview;
  const shown = preview ?? last.current;
  if (!shown) return null;
  const title = shown.kind === 'fill' ? t.previewFillTitle : t.previewFixTitle;
  return (
    <Dialog open={preview !== null} modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface className={styles.surface} aria-describedby={introId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1 id={introId}>{t.previewIntro(shown.writes.length)}</Body1>
            <div className={styles.scroll}>
              <Table size="extra-small" aria-label={title} className={styles.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{`${t.colCell} · ${t.colRule}`}</TableHeaderCell>
                    <TableHeaderCell className={styles.oldColumn}>{t.colOld}</TableHeaderCell>
                    <TableHeaderCell className={styles.newColumn}>{t.colNew}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.writes.map((write) => (
                    <TableRow key={`${write.sheet}!${write.cell}`}>
                      <TableCell className={styles.cell}>
                        <span className={styles.address}>{`${write.sheet}!${write.cell}`}</span>
                        <span className={styles.code} title={write.reason}>
                          {write.code}
                        </span>
                      </TableCell>
                      <TableCell className={styles.text}>
                        {contentText(write.old.value, write.old.formula, lang)}
                      </TableCell>
                      <TableCell className={styles.text}>{newContent(write, lang)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
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
