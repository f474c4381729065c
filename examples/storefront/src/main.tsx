import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { adoptApiKeyFromFragment } from "./config/api-key.ts";
import "./styles.css";

// Before the first render, so that the till starts with the key and the URL no longer shows it.
adoptApiKeyFromFragment(window.location, window.history);

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
