import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import "./explorer.css";
import { useEffect, useMemo, useRef } from "react";
import { liveClient } from "../apollo";
import { endSession } from "../oidc";
import { session } from "../session";

const START = `# The License Graph API. Ctrl+Enter runs the operation; the Docs pane lists every type.
query Pools {
  tenant {
    displayName
    licenses {
      sku { displayName }
      consumedUnits
      availableUnits
      unassignedDemand
    }
  }
}
`;

/**
 * Fixes to the DOM GraphiQL renders so that axe finds nothing serious (K6): CodeMirror's hidden textareas get a
 * label, its scrolling panes can be reached by keyboard, and the tabs' buttons carry the tab role (GraphiQL puts it
 * on the list item around them, which nests interactive controls). Only attributes React does not change again.
 */
function patchAccessibility(root: HTMLElement): void {
  for (const t of root.querySelectorAll<HTMLTextAreaElement>(".CodeMirror textarea:not([aria-label])")) {
    const label = t.closest(".graphiql-query-editor") ? "Query editor"
      : t.closest(".result-window") ? "Result"
      : t.closest(".graphiql-editor-tool") ? "Variables or headers editor" : "Editor";
    t.setAttribute("aria-label", label);
  }
  for (const el of root.querySelectorAll(".CodeMirror-scroll[tabindex='-1']")) el.setAttribute("tabindex", "0");
  for (const li of root.querySelectorAll("li.graphiql-tab")) {
    const button = li.querySelector(".graphiql-tab-button");
    if (li.getAttribute("role") === "tab") li.setAttribute("role", "presentation");
    const selected = String(li.classList.contains("graphiql-tab-active"));
    li.removeAttribute("aria-selected");
    if (button && button.getAttribute("role") !== "tab") button.setAttribute("role", "tab");
    if (button && button.getAttribute("aria-selected") !== selected) button.setAttribute("aria-selected", selected);
  }
}

/**
 * K7: GraphiQL from the project's own bundle (no CDN), loaded only when /graphql is opened in a browser.
 * Requests carry the signed-in admin's token, read at each request so a new sign-in is used at once; subscriptions
 * run over graphql-ws like the console's live pools.
 */
export default function Explorer() {
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: "/graphql",
        // Subscriptions (tenantLicensesChanged, auditEventAdded, myLicenseChanged) over the console's graphql-ws socket.
        wsClient: liveClient(),
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          const s = session();
          if (s && !headers.has("authorization")) headers.set("authorization", `Bearer ${s.token}`);
          return fetch(input, { ...init, headers });
        },
      }),
    [],
  );
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const root = ref.current!;
    patchAccessibility(root);
    const observer = new MutationObserver(() => patchAccessibility(root));
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["class", "role", "aria-selected", "tabindex"] });
    return () => observer.disconnect();
  }, []);
  return (
    <div className="explorer">
      <header className="top">
        <span className="brand">License Graph API explorer</span>
        <a className="back" href="/users">Back to the admin center</a>
        <button type="button" className="signout" onClick={() => void endSession()}>Sign out</button>
      </header>
      <main id="main" className="explorer-main" aria-label="GraphiQL" ref={ref}>
        <GraphiQL fetcher={fetcher} defaultQuery={START} forcedTheme="light" />
      </main>
    </div>
  );
}
