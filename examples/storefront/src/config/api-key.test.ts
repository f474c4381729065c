import { afterEach, describe, expect, it } from "vitest";
import { adoptApiKeyFromFragment, forgetApiKey, readApiKey, saveApiKey } from "./api-key.ts";

afterEach(() => {
  forgetApiKey();
  window.history.replaceState(null, "", "/");
});

describe("the till's API key", () => {
  it("is kept in localStorage until forgotten", () => {
    expect(readApiKey()).toBe("");
    saveApiKey("  ams_local_test_key  ");
    expect(readApiKey()).toBe("ams_local_test_key");
    expect(localStorage.getItem("ams-edge:pos-api-key")).toBe("ams_local_test_key");
    forgetApiKey();
    expect(readApiKey()).toBe("");
  });

  it("is taken from #apiKey= and removed from the URL", () => {
    window.history.replaceState(null, "", "/?store=demo#apiKey=ams_local_from_link");
    expect(adoptApiKeyFromFragment(window.location, window.history)).toBe(true);
    expect(readApiKey()).toBe("ams_local_from_link");
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe(
      "/?store=demo",
    );
  });

  it("leaves other fragments alone", () => {
    window.history.replaceState(null, "", "/#recent");
    expect(adoptApiKeyFromFragment(window.location, window.history)).toBe(false);
    expect(window.location.hash).toBe("#recent");
    expect(readApiKey()).toBe("");
  });
});
