import { useEffect, useState } from "react";
import { airgate, describeProblem, type Preset } from "../api/client";
import type { StartingValues } from "./LaunchForm";

/** The user's saved presets of a workflow: start the form from one, save the form as one, delete one. */
export function PresetsBar({ dagId, current, onLoad }: { dagId: string; current: StartingValues; onLoad: (preset: Preset) => void }) {
  const [presets, setPresets] = useState<Preset[] | null>(null);
  const [chosen, setChosen] = useState("");
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);

  const load = async () => {
    const { data, error, response } = await airgate.GET("/api/v1/workflows/{dag_id}/presets", { params: { path: { dag_id: dagId } } });
    if (data !== undefined) setPresets(data.presets);
    else setMessage({ text: describeProblem(error, response.status), bad: true });
  };
  useEffect(() => {
    void load();
  }, [dagId]);

  const save = async () => {
    const trimmed = name.trim();
    if (trimmed === "") {
      setMessage({ text: "Give the preset a name first.", bad: true });
      return;
    }
    const body = current.params ? { params: current.params } : { pipelines: (current.pipelines ?? {}) as Record<string, Record<string, unknown>> };
    const { data, error, response } = await airgate.PUT("/api/v1/workflows/{dag_id}/presets/{name}", {
      params: { path: { dag_id: dagId, name: trimmed } },
      body: body as never,
    });
    if (data === undefined) {
      setMessage({ text: describeProblem(error, response.status), bad: true });
      return;
    }
    setMessage({ text: `Saved the form as “${data.name}”.`, bad: false });
    setChosen(data.name);
    await load();
  };

  const remove = async () => {
    const { error, response } = await airgate.DELETE("/api/v1/workflows/{dag_id}/presets/{name}", { params: { path: { dag_id: dagId, name: chosen } } });
    if (!response.ok) {
      setMessage({ text: describeProblem(error, response.status), bad: true });
      return;
    }
    setMessage({ text: `Deleted “${chosen}”.`, bad: false });
    setChosen("");
    await load();
  };

  const preset = presets?.find((p) => p.name === chosen) ?? null;
  return (
    <section className="presets" aria-labelledby="presets-title">
      <h3 id="presets-title">My presets</h3>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="preset-choice">Start from a preset</label>
          <select id="preset-choice" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{presets === null ? "Loading…" : presets.length === 0 ? "(none saved yet)" : "Choose…"}</option>
            {(presets ?? []).map((p) => (
              <option key={p.name} value={p.name}>{p.name}</option>
            ))}
          </select>
        </div>
        <button type="button" disabled={preset === null} onClick={() => preset && onLoad(preset)}>Use preset</button>
        <button type="button" disabled={preset === null} onClick={() => void remove()}>Delete preset</button>
        <div className="field">
          <label htmlFor="preset-name">Save the form as</label>
          <input id="preset-name" type="text" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="button" onClick={() => void save()}>Save preset</button>
      </div>
      <div aria-live="polite">{message ? <p className={message.bad ? "problem" : "ok"}>{message.text}</p> : null}</div>
    </section>
  );
}
