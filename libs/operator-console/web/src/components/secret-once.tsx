import { useState } from 'preact/hooks';

/**
 * A secret the server returned once (a client secret, an operator key): shown here, with a copy
 * button, and gone when this is dismissed or the page changes. The server cannot show it again.
 */
export function SecretOnce({ label, value, onDone }: { label: string; value: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const id = `secret-${label.replace(/\W+/g, '-').toLowerCase()}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Without clipboard access the text is selected for Ctrl+C.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
    setCopied(true);
  };
  return (
    <section class="secret-once" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{label}: shown only this once</h3>
      <p>Store it now: it cannot be shown again.</p>
      <div class="row">
        <label class="sr-only" for={id}>
          {label}
        </label>
        <input
          id={id}
          class="secret-value"
          readOnly
          value={value}
          size={60}
          onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
        />
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          Done
        </button>
      </div>
      {copied ? <p role="status">Copied to the clipboard.</p> : null}
    </section>
  );
}
