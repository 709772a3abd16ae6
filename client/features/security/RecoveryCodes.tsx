import { useToast } from '../../app/toast.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { readBoot } from '../../lib/branding.ts';
import { slugify } from '../../lib/format.ts';

/** Shows freshly issued recovery codes once, with ways to keep them. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const toast = useToast();
  const text = `${codes.join('\n')}\n`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast('Recovery codes copied');
    } catch {
      toast('Copying isn’t allowed here. Select the codes and copy them, or download them.', 'danger');
    }
  };

  const download = () => {
    const portal = readBoot().branding.portalName;
    const blob = new Blob([`${portal} recovery codes\nEach code works once.\n\n${text}`], {
      type: 'text/plain',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${slugify(portal) || 'portal'}-recovery-codes.txt`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="stack">
      <Alert tone="warning" title="Save these codes now">
        You won’t see them again. If you lose your phone, each code lets you sign in once.
      </Alert>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code} className="mono">
            {code}
          </li>
        ))}
      </ol>
      <div className="row">
        <Button icon="copy" onClick={() => void copy()}>
          Copy
        </Button>
        <Button icon="download" onClick={download}>
          Download
        </Button>
        <Button variant="primary" onClick={onDone}>
          I’ve saved them
        </Button>
      </div>
    </div>
  );
}
