/** A full-screen message: starting up, or storage that cannot be opened. */
export function StatusScreen({ title, message }: { title: string; message: string }) {
  return (
    <main className="screen">
      <h1>{title}</h1>
      <p role="status">{message}</p>
    </main>
  );
}
