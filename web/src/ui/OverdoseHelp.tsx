import type { OverdoseHelp } from '../generated/shared_types';

/** If someone may have overdosed: what to do, and the emergency number in one tap. */
export function OverdoseHelpNote({ help }: { help: OverdoseHelp }) {
  return (
    <aside className="overdose" aria-label={help.message}>
      <p>{help.message}</p>
      <a className="button" href={help.call.url}>
        {help.call.label}
      </a>
    </aside>
  );
}
