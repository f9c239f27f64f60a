// The widget on a host page whose text, attributes and options look like code
// (tests/fixtures/widget/hostile.html): served as it is (strict CSP) and with no CSP at all, so
// that only the widget's own code stands between those strings and execution. Nothing runs (a
// flag each payload would set stays unset, no dialog), the widget reads the host's text without
// changing it (after unmount every target's markup is as parsed), hostile options give errors,
// not markup, and no request goes to another origin.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { markupRuns } from "./browser.mjs";
import { FIXTURES, foreignRequests, openPage, startWidgetBrowser } from "./widget-env.mjs";

let env;
before(async () => {
  env = await startWidgetBrowser();
});
after(async () => {
  await env?.close();
});

const PAGE = `${FIXTURES}hostile.html`;

/** Opens the fixture, with its CSP or with none; records the widget's events from the start. */
async function open(t, { csp }) {
  const p = await openPage(env, "about:blank#"); // a context with the recorders; navigated below
  t.after(() => p.context.close());
  const { page } = p;
  await page.addInitScript(() => {
    const events = [];
    Object.defineProperty(window, "__events", { value: events });
    // the widget's events do not bubble; the capture phase still passes the document
    for (const type of ["claimlens-annotate", "claimlens-error"]) {
      document.addEventListener(type, (e) => events.push({ type, on: e.target.id || e.target.getAttribute("data-target") || e.target.tagName, message: e.detail?.message }), true);
    }
  });
  if (!csp) {
    await page.route(/hostile\.html$/, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      assert.ok(headers["content-security-policy"], "the server sends a CSP to remove");
      delete headers["content-security-policy"];
      await route.fulfill({ response, headers });
    });
  }
  await page.goto(env.url + PAGE);
  return p;
}

/** In the page: waits for the three mounts to report, hovers and clicks everything, unmounts. */
function exercise() {
  const until = async (ok, what) => {
    for (let t = 0; t < 500; t++) {
      if (ok()) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${what}: ${JSON.stringify(window.__events)}`);
  };
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  return (async () => {
    const { handleFor, mount } = await import("/www/widget.js");
    const story = document.getElementById("story");
    const second = document.getElementById("second");
    const tagged = document.getElementById("tagged");
    const dated = document.getElementById("dated");
    const handle = mount(story, { types: "PERSON ORG PLACE MONEY PERCENT claims", panel: true, observe: true });
    await handle.ready;
    const on = (id) => window.__events.some((e) => e.type === "claimlens-annotate" && e.on === id);
    await until(() => on("CLAIM-LENS") && on("#tagged"), "the element and the script tag to annotate");
    const datedMarks = dated.querySelectorAll("claimlens-mark").length;
    await until(() => ["bad-for", "bad-date"].every((id) => window.__events.some((e) => e.on === id)), "the bad options to be reported");

    // every mark hovered and clicked, every card and chip of every panel clicked
    const marks = [...document.querySelectorAll("claimlens-mark")];
    // (not those inside the host's own links: a click there follows the host's link, which is
    // the host's doing, javascript: URL or not)
    for (const m of marks) {
      m.dispatchEvent(new PointerEvent("pointerover", { bubbles: true }));
      if (!m.closest("a")) m.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    }
    const shadows = [];
    const collect = (root) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot) {
          shadows.push(el.shadowRoot);
          collect(el.shadowRoot);
        }
      }
    };
    collect(document);
    for (const s of shadows) for (const el of s.querySelectorAll(".card, .chip, button")) el.click();
    // the page edits its text with more of the same; `observe` reads it again
    story.querySelector("h2").append(document.createTextNode(' Mark Rutte said <img src=x onerror="window.__pwned=30">.'));
    await pause(600);
    // what the widget built: marks hold only text, panels only the widget's own elements
    const built = {
      marks: marks.length,
      markChildren: marks.filter((m) => [...m.childNodes].some((n) => n.nodeType === 1 && n.tagName !== "CLAIMLENS-MARK")).length,
      panelElements: [...new Set(shadows.flatMap((s) => [...s.querySelectorAll("*")].map((e) => e.tagName.toLowerCase())))].sort(),
      panelText: shadows.map((s) => s.textContent).join(" "),
    };
    // unmount all three: the method, removing the element, the script tag's handle
    handle.unmount();
    document.querySelector("claim-lens[for='#second']").remove();
    document.getElementById("bad-date").remove();
    handleFor(tagged).unmount();
    await pause(300);
    return {
      built,
      after: [story, second, tagged, dated].map((el) => ({ id: el.id, html: el.innerHTML, text: el.textContent })),
      datedMarks,
      left: document.querySelectorAll("claimlens-mark").length,
      pwned: window.__pwned,
      events: window.__events,
    };
  })();
}

/** The fixture's targets as the parser made them: markup and text (DOMParser runs nothing). */
async function asParsed(page) {
  return page.evaluate(async (path) => {
    const doc = new DOMParser().parseFromString(await (await fetch(path)).text(), "text/html");
    return ["story", "second", "tagged", "dated"].map((id) => {
      const el = doc.getElementById(id);
      return { id, html: el.innerHTML, text: el.textContent };
    });
  }, `/${PAGE}`);
}

for (const csp of [true, false]) {
  test(`host-page strings and hostile options never run, the host text is unchanged (${csp ? "served with its CSP" : "no CSP at all"})`, async (t) => {
    const { page, requests, dialogs, errors } = await open(t, { csp });
    if (!csp) {
      // the check can fail: on this page, a string made into markup does run
      assert.equal(await markupRuns(page), true);
    }
    const r = await page.evaluate(exercise);
    assert.equal(r.pwned, undefined, "a payload ran");
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    // the widget did its work on the hostile text
    assert.ok(r.built.marks >= 8, JSON.stringify(r.built));
    assert.equal(r.built.markChildren, 0, "a mark holds an element of its own making");
    assert.ok(!r.built.panelElements.some((tag) => ["img", "script", "svg", "iframe", "b", "a", "style"].includes(tag)), r.built.panelElements.join());
    assert.match(r.built.panelText, /Petra de Vries/);
    // hostile options are reported as errors; the bad `for` mounts nothing
    const errorsOn = (on) => r.events.filter((e) => e.type === "claimlens-error" && e.on === on).map((e) => e.message);
    assert.match(errorsOn("bad-for").join(), /is not a valid selector/);
    assert.match(errorsOn("bad-date").join(), /referenceDate "<img src=x onerror=window.__pwned=19>" is not a date/);
    assert.equal(r.datedMarks, 0);
    assert.ok(errorsOn("#tagged").some((m) => m.includes('unknown type "<img"')), errorsOn("#tagged").join(" | "));
    // after unmount: the markup and text of every target as the parser made them, but for the
    // text the page itself added to #story while it was observed
    const parsed = await asParsed(page);
    const added = ' Mark Rutte said <img src=x onerror="window.__pwned=30">.';
    parsed[0].text = parsed[0].text.replace(/(was fine)/, `$1${added}`);
    parsed[0].html = parsed[0].html.replace(/(was fine)/, `$1${added.replace(/</g, "&lt;").replace(/>/g, "&gt;")}`);
    assert.deepEqual(r.after, parsed);
    assert.equal(r.left, 0);
    if (csp) assert.deepEqual(await page.evaluate(() => window.__violations), [], "the widget tried something the CSP refused");
    await page.waitForTimeout(200);
    assert.deepEqual(foreignRequests(requests, new URL(env.url).origin), []);
    assert.ok(!requests.some((u) => /\/x$/.test(u)), "no image of the payload was fetched");
  });
}
