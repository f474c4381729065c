import { type FormEvent, type ReactNode, useState } from "react";
import { saveApiKey } from "../config/api-key.ts";

/** Asks for the merchant API key once; it is kept in this browser. */
export function ApiKeyForm({ onSaved }: { onSaved: () => void }): ReactNode {
  const [value, setValue] = useState("");
  const [error, setError] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === "") {
      setError(true);
      return;
    }
    saveApiKey(value);
    onSaved();
  };
  return (
    <main className="narrow">
      <form className="card setup" onSubmit={submit} noValidate>
        <h1 className="card-title">Connect this till</h1>
        <p>
          The till calls the payments Worker with a merchant API key. <code>npm start</code> prints
          one (and a link that fills it in) the first time it runs.
        </p>
        <div className="field">
          <label htmlFor="api-key">Merchant API key</label>
          <input
            id="api-key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            aria-invalid={error || undefined}
            aria-describedby={error ? "api-key-error" : undefined}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              setError(false);
            }}
          />
          {error ? (
            <p id="api-key-error" className="field-error" role="alert">
              Paste the API key, e.g. ams_local_…
            </p>
          ) : null}
        </div>
        <button type="submit" className="button primary">
          Save and open the till
        </button>
      </form>
    </main>
  );
}
