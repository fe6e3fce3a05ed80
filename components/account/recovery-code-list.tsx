// The recovery codes, shown once right after they are made.
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <div className="recovery-codes" data-testid="recovery-codes">
      <p>
        <strong>Save these recovery codes now</strong> (print them or keep them in a password manager). Each works once,
        in place of a code from your app, if you lose your phone. They will not be shown again.
      </p>
      <ol>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}
