import type { Result } from '../core/result';
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Spinner,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowUpRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent } from 'react';
import type { WorkbookHost } from '../hosts/host';
import type { SelectionStore } from '../app/selection';
import type { Lang } from '../core/finding';
import type { FileHost } from '../hosts/file/file-host';
import { loadFileHost } from './lazy-file-host';
import type { Strings } from './strings';

const useStyles = makeStyles({
  landing: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '640px',
    margin: '0 auto',
  },
  title: { margin: 0 },
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: 'center',
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  icon: { fontSize: '40px', color: tokens.colorBrandForeground1 },
});

export interface LandingProps {
  lang: Lang;
  t: Strings;
  selection: SelectionStore;
  /** An error to show at once (the sample could not be loaded). */
  initialError?: string;
  onOpened(host: WorkbookHost): void;
}

/** What the file pickers offer: the workbooks the reader takes (it chooses by content, not by name). */
export const WORKBOOK_FILE_TYPES =
  '.xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';

/** Opens workbook bytes in a FileHost (loaded on first use); an unreadable workbook gives its one-line reason. */
export async function openFileHost(
  name: string,
  bytes: Uint8Array,
  lang: Lang,
  selection: SelectionStore,
): Promise<Result<{ host: FileHost }, string>> {
  const { FileHost } = await loadFileHost();
  return FileHost.open(name, bytes, lang, (target, related) => selection.set(target, related));
}

/**
 * Opens several picked or dropped files as one submission (the forms of one project, one file each): each is read
 * into a FileHost and the pane sees them as one workbook whose sheets are named `[file]sheet`. The first unreadable
 * file gives its one-line reason.
 */
export async function openFiles(
  files: readonly File[],
  lang: Lang,
  selection: SelectionStore,
): Promise<Result<{ host: WorkbookHost }, { name: string; message: string }>> {
  const { FileHost, SubmissionHost } = await loadFileHost();
  const parts = [];
  for (const file of files) {
    const opened = FileHost.open(file.name, new Uint8Array(await file.arrayBuffer()), lang);
    if (!opened.ok) return { ok: false, error: { name: file.name, message: opened.error } };
    parts.push({ name: file.name, host: opened.host });
  }
  return { ok: true, host: new SubmissionHost(parts, (target, related) => selection.set(target, related)) };
}

/** Reads a picked or dropped file into a FileHost; an unreadable file gives its one-line reason. */
export async function openFile(
  file: File,
  lang: Lang,
  selection: SelectionStore,
): Promise<Result<{ host: FileHost }, string>> {
  return openFileHost(file.name, new Uint8Array(await file.arrayBuffer()), lang, selection);
}

/** The standalone page before a workbook is open: a file picker and a drop zone. */
export function Landing({ lang, t, selection, initialError, onOpened }: LandingProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(initialError ?? null);

  const open = async (picked: readonly File[]) => {
    const [file] = picked;
    if (!file) return;
    setOpening(true);
    setError(null);
    try {
      // Several files are one submission, checked together; one file opens as before.
      if (picked.length > 1) {
        const opened = await openFiles(picked, lang, selection);
        if (opened.ok) onOpened(opened.host);
        else setError(t.openFailed(opened.error.name, opened.error.message));
      } else {
        const opened = await openFile(file, lang, selection);
        if (opened.ok) onOpened(opened.host);
        else setError(t.openFailed(file.name, opened.error));
      }
    } catch (cause) {
      setError(t.openFailed(file.name, cause instanceof Error ? cause.message : String(cause)));
    } finally {
      setOpening(false);
    }
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void open([...event.dataTransfer.files]);
  };

  return (
    <main className={styles.landing}>
      <Title2 as="h1" className={styles.title}>
        {t.appTitle}
      </Title2>
      <Body1>{t.landingIntro}</Body1>
      <div
        role="region"
        aria-label={t.dropZone}
        className={mergeClasses(styles.zone, dragging && styles.dragging)}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <DocumentArrowUpRegular className={styles.icon} />
        <Title2 as="h2" style={{ fontSize: tokens.fontSizeBase500 }}>
          {t.landingTitle}
        </Title2>
        <Button
          appearance="primary"
          icon={<FolderOpenRegular />}
          disabled={opening}
          onClick={() => input.current?.click()}
        >
          {t.chooseFile}
        </Button>
        <Caption1>{t.dropHere}</Caption1>
        <Caption1>{t.severalFiles}</Caption1>
        <input
          ref={input}
          type="file"
          hidden
          aria-label={t.chooseFile}
          accept={WORKBOOK_FILE_TYPES}
          multiple
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            event.currentTarget.value = '';
            void open(files);
          }}
        />
        {opening && <Spinner size="small" label={t.opening} />}
      </div>
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
