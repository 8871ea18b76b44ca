import {
  Button,
  Caption1,
  Field,
  FluentProvider,
  makeStyles,
  mergeClasses,
  Menu,
  MenuItem,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
  Title3,
  Toolbar,
  ToolbarButton,
  Tooltip,
  tokens,
  type MenuProps,
  type Theme,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowDownloadRegular,
  ArrowSwapRegular,
  ArrowUndoRegular,
  CheckmarkCircleRegular,
  DismissRegular,
  DocumentTableRegular,
  FlashRegular,
  FolderOpenRegular,
  MoreHorizontalRegular,
  SettingsRegular,
  WandRegular,
} from '@fluentui/react-icons';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Controller, pendingFixes, type ControllerState, type Notice } from '../app/controller';
import { cellKey } from '../app/findings';
import type { WorkbookHost } from '../hosts/host';
import { createSelectionStore, type SelectionStore } from '../app/selection';
import { levelOneRows, totalSelection } from '../app/summary';
import type { Finding, Lang } from '../core/finding';
import { CompareSlot } from './CompareSlot';
import { downloadBytes } from './download';
import { FindingsPanel } from './FindingsPanel';
import { Landing } from './Landing';
import { PreviewDialog } from './PreviewDialog';
import { SettingsDrawer } from './SettingsDrawer';
import { SheetPreview } from './SheetPreview';
import { stringsFor, type Strings } from './strings';
import { SummaryCard } from './SummaryCard';
import { paneTheme } from './theme';

const useStyles = makeStyles({
  /** The page's background and height, on a div of its own: Fluent copies the provider's class to its portals. */
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    maxWidth: '960px',
    margin: '0 auto',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  /** Excel shows the add-in's name above the pane: the heading stays for screen readers only. */
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  fileName: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  /** One row at any pane width (320 px and up): a primary action, a few icons, the rest in the overflow menu. */
  toolbar: {
    flexWrap: 'nowrap',
    gap: tokens.spacingHorizontalXS,
    paddingLeft: 0,
    paddingRight: 0,
    minWidth: 0,
  },
  primary: { whiteSpace: 'nowrap', flexShrink: 0 },
  controls: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, ':empty': { display: 'none' } },
  placeholder: { color: tokens.colorNeutralForeground2 },
});

export interface AppProps {
  /** The workbook: Excel's, or a file the standalone page opened. Undefined shows the standalone landing. */
  host: WorkbookHost | undefined;
  lang: Lang;
  /** Where the standalone host reports select(); made here when not given. */
  selection?: SelectionStore;
  theme?: Theme;
  /** Shown on the landing at once (e.g. the sample could not be loaded). */
  initialError?: string;
}

/** The close button of a notice (Fluent's container action), named for screen readers. */
function DismissAction({ label, onDismiss }: { label: string; onDismiss: () => void }) {
  return (
    <MessageBarActions
      containerAction={
        <Button appearance="transparent" aria-label={label} icon={<DismissRegular />} onClick={onDismiss} />
      }
    />
  );
}

/** The task pane (and the standalone page): the landing until a workbook is open, then the review pane. */
export function App({ host, lang, selection, theme, initialError }: AppProps) {
  const styles = useStyles();
  const t = stringsFor(lang);
  const [current, setCurrent] = useState<WorkbookHost | undefined>(host);
  const store = useMemo(() => selection ?? createSelectionStore(), [selection]);
  const chosenTheme = useMemo(() => theme ?? paneTheme(), [theme]);
  const reopen =
    current?.kind === 'file'
      ? () => {
          store.clear();
          setCurrent(undefined);
        }
      : undefined;
  return (
    <FluentProvider theme={chosenTheme} lang={lang}>
      <div className={styles.page}>
        {current ? (
          <Pane
            key={current.title}
            host={current}
            lang={lang}
            t={t}
            selection={current.kind === 'file' ? store : undefined}
            onOpenAnother={reopen}
          />
        ) : (
          <Landing lang={lang} t={t} selection={store} initialError={initialError} onOpened={setCurrent} />
        )}
      </div>
    </FluentProvider>
  );
}

interface PaneProps {
  host: WorkbookHost;
  lang: Lang;
  t: Strings;
  selection: SelectionStore | undefined;
  onOpenAnother: (() => void) | undefined;
}

/** Owns one controller per host: created and started on mount, disposed on unmount. */
function Pane(props: PaneProps) {
  const { host, lang } = props;
  const [controller, setController] = useState<Controller | null>(null);
  useEffect(() => {
    const created = new Controller(host, lang);
    setController(created);
    void created.start();
    return () => created.dispose();
  }, [host, lang]);
  if (!controller || controller.host !== host) return <Spinner size="small" label={props.t.phase.loading} />;
  return <PaneView {...props} controller={controller} />;
}

function noticeText(notice: Notice, t: Strings): string {
  switch (notice.kind) {
    case 'applied':
      return t.applied(notice.cells);
    case 'edited':
      return t.edited(notice.cell, notice.recalculated);
    case 'undone':
      return t.undone(notice.cells);
    case 'report-written':
      return t.reportWritten;
    case 'nothing-to-fill':
      return t.nothingToFill;
    case 'nothing-to-correct':
      return t.nothingToCorrect;
    case 'profile-saved':
      return t.profileSaved;
  }
}

function StatusLine({ state, t }: { state: ControllerState; t: Strings }) {
  if (state.phase === 'idle') return <div role="status" aria-live="polite" />;
  const progress = state.phase === 'scanning' ? state.progress : null;
  const label = progress ? t.scanProgress(progress.done, progress.total) : t.phase[state.phase];
  return (
    <div role="status" aria-live="polite">
      <Field validationMessage={label} validationState="none">
        <ProgressBar
          aria-label={label}
          value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
          max={1}
        />
      </Field>
    </div>
  );
}

function PaneView({ controller, host, lang, t, selection, onOpenAnother }: PaneProps & { controller: Controller }) {
  const styles = useStyles();
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [comparing, setComparing] = useState(false);
  const busy = state.phase !== 'idle';
  const excel = host.kind === 'excel';
  const rows = useMemo(
    () => (state.result ? levelOneRows(state.result.model, state.result.analysis) : []),
    [state.result],
  );
  const pending = useMemo(() => pendingFixes(state.snapshot, state.result?.findings), [state.snapshot, state.result]);
  const total = useMemo(() => (state.result ? totalSelection(state.result.model) : undefined), [state.result]);

  const select = (finding: Finding) => {
    setSelected(cellKey(finding));
    void controller.select(finding, finding.related ?? []);
  };
  const download = host.download
    ? () => {
        const file = host.download?.();
        if (file) downloadBytes(file.name, file.bytes);
      }
    : undefined;
  const undoLabel = state.undoDepth > 0 ? t.undoCount(state.undoDepth) : t.undo;
  const onMenuCheck: MenuProps['onCheckedValueChange'] = (_, data) =>
    void controller.setLive(data.checkedItems.includes('on'));

  return (
    <main className={styles.pane}>
      <header className={styles.header}>
        <Title3 as="h1" className={mergeClasses(styles.title, excel && styles.visuallyHidden)}>
          {t.appTitle}
        </Title3>
        {host.kind === 'file' && <Caption1 className={styles.fileName}>{host.title}</Caption1>}
      </header>

      <div className={styles.controls}>
        <Toolbar aria-label={t.toolbarLabel} size="small" className={styles.toolbar} data-testid="toolbar">
          <Tooltip content={t.fillAllHint} relationship="description">
            <ToolbarButton
              appearance="primary"
              className={styles.primary}
              icon={<WandRegular />}
              disabled={busy || pending.fill === 0}
              onClick={() => controller.previewFill()}
            >
              {t.fillAll(pending.fill)}
            </ToolbarButton>
          </Tooltip>
          {download && (
            <Tooltip content={t.downloadHint} relationship="label">
              <ToolbarButton
                aria-label={t.downloadHint}
                className={styles.primary}
                icon={<ArrowDownloadRegular />}
                disabled={busy}
                onClick={download}
              >
                {t.download}
              </ToolbarButton>
            </Tooltip>
          )}
          {excel && (
            <Tooltip content={t.rescan} relationship="label">
              <ToolbarButton
                aria-label={t.rescan}
                icon={<ArrowClockwiseRegular />}
                disabled={busy}
                onClick={() => void controller.scan()}
              />
            </Tooltip>
          )}
          <Tooltip content={undoLabel} relationship="label">
            <ToolbarButton
              aria-label={t.undo}
              icon={<ArrowUndoRegular />}
              disabled={busy || state.undoDepth === 0}
              onClick={() => void controller.undo()}
            />
          </Tooltip>
          <Menu
            hasCheckmarks={excel}
            checkedValues={{ live: state.live ? ['on'] : [] }}
            onCheckedValueChange={onMenuCheck}
          >
            <MenuTrigger disableButtonEnhancement>
              <Tooltip content={t.more} relationship="label">
                <ToolbarButton aria-label={t.more} icon={<MoreHorizontalRegular />} />
              </Tooltip>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem
                  icon={<CheckmarkCircleRegular />}
                  disabled={busy || pending.correct === 0}
                  onClick={() => controller.previewCorrect()}
                >
                  {t.correctAll}
                </MenuItem>
                <MenuItem
                  icon={<DocumentTableRegular />}
                  disabled={busy || !state.result}
                  onClick={() => void controller.writeReport()}
                >
                  {t.writeReport}
                </MenuItem>
                {excel && (
                  <MenuItemCheckbox name="live" value="on" icon={<FlashRegular />}>
                    {t.live}
                  </MenuItemCheckbox>
                )}
                <MenuItem
                  icon={<ArrowSwapRegular />}
                  disabled={!state.result}
                  onClick={() => setComparing((open) => !open)}
                >
                  {t.compareWith}
                </MenuItem>
                <MenuItem icon={<SettingsRegular />} onClick={() => setSettingsOpen(true)}>
                  {t.settings}
                </MenuItem>
                {onOpenAnother && (
                  <MenuItem icon={<FolderOpenRegular />} disabled={busy} onClick={onOpenAnother}>
                    {t.openAnother}
                  </MenuItem>
                )}
              </MenuList>
            </MenuPopover>
          </Menu>
        </Toolbar>

        <StatusLine state={state} t={t} />
      </div>

      <div className={styles.notices}>
        {state.profileNotice !== null && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.profileInvalid(state.profileNotice)}</MessageBarBody>
          </MessageBar>
        )}
        {state.error !== null && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t.failed(state.error)}</MessageBarBody>
            <DismissAction label={t.dismiss} onDismiss={() => controller.dismissNotice()} />
          </MessageBar>
        )}
        {state.notice !== null && (
          <MessageBar intent={state.notice.kind.startsWith('nothing-') ? 'info' : 'success'}>
            <MessageBarBody>{noticeText(state.notice, t)}</MessageBarBody>
            <DismissAction label={t.dismiss} onDismiss={() => controller.dismissNotice()} />
          </MessageBar>
        )}
      </div>

      {state.result ? (
        <>
          {comparing && (
            <CompareSlot
              open={state.result}
              profile={state.profile}
              lang={lang}
              t={t}
              onSelect={(target) => void controller.select(target)}
              onClose={() => setComparing(false)}
            />
          )}
          <SummaryCard
            summary={state.result.summary}
            rows={rows}
            profile={state.profile}
            t={t}
            onSelectTotal={
              total
                ? () => {
                    setSelected(null);
                    void controller.select(total.target, total.related);
                  }
                : undefined
            }
          />
          <FindingsPanel
            findings={state.result.findings}
            lang={lang}
            t={t}
            busy={busy}
            selected={selected}
            onSelect={select}
            onFix={(finding) => controller.previewFix(finding)}
          />
        </>
      ) : (
        !busy && <Text className={styles.placeholder}>{t.notScanned}</Text>
      )}

      {selection && (
        <SheetPreview
          snapshot={state.snapshot}
          result={state.result}
          selection={selection}
          selectedFinding={selected}
          lang={lang}
          t={t}
          onEdit={controller.canEdit ? (target, text) => controller.previewEdit(target, text) : undefined}
          pending={state.preview}
          busy={busy}
        />
      )}

      <PreviewDialog
        preview={state.preview}
        findings={state.result?.findings ?? []}
        lang={lang}
        t={t}
        onApply={() => void controller.applyPreview()}
        onCancel={() => controller.cancelPreview()}
      />
      <SettingsDrawer
        open={settingsOpen}
        profile={state.profile}
        lang={lang}
        t={t}
        busy={busy}
        onSave={(draft) => controller.saveProfile(draft)}
        onClose={() => setSettingsOpen(false)}
      />
    </main>
  );
}
