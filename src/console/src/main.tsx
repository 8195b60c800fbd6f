import { ApolloProvider } from "@apollo/client/react";
import { createRoot } from "react-dom/client";
import { createClient } from "./apollo";
import { App } from "./App";
import { restoreSession } from "./session";
import { restoreOidc } from "./oidc";
import { loadSettings } from "./settings";
import "./styles.css";

await loadSettings();
// The fragment's token is moved to session storage before anything renders or any request leaves (K1).
const startMessage = restoreSession() ?? (await restoreOidc());
const client = createClient();
createRoot(document.getElementById("root")!).render(
  <ApolloProvider client={client}>
    <App startMessage={startMessage} />
  </ApolloProvider>,
);
