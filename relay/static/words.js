// The inbox's words, in English or Spanish: the `inbox-` section of the
// app's own Fluent files (shared/locales/{en,es}.ftl), formatted by the
// inbox's wasm with the same Fluent library as the app, so plurals follow
// each language. Dates and decimals come from the browser's Intl in the
// same language. What a participant wrote is placed as an argument, never
// translated.
//
// The language follows the browser (navigator.languages) until the
// specialist picks one, which this browser then keeps (localStorage).

/** The languages the Fluent files have. */
export const LANGUAGES = ["en", "es"];
const STORED = "phoenix-inbox-language";

let wasm = null;
let language = "en";
let locale = "en-US";

/** The stored choice, else the browser's first language the inbox has, else English. */
function preferred() {
  const stored = localStorage.getItem(STORED);
  if (LANGUAGES.includes(stored)) return stored;
  const primary = (tag) => String(tag).split("-")[0].toLowerCase();
  return (navigator.languages ?? [navigator.language]).map(primary).find((code) => LANGUAGES.includes(code)) ?? "en";
}

/** Uses `code` (remembered when the specialist chose it) and marks the page's language. */
export function setLanguage(code, remember = false) {
  language = LANGUAGES.includes(code) ? code : "en";
  if (remember) localStorage.setItem(STORED, language);
  // The browser's own regional form when it has one (es-MX), else the US one.
  const regional = (navigator.languages ?? []).find((tag) => String(tag).toLowerCase().startsWith(`${language}-`));
  locale = regional ?? `${language}-US`;
  document.documentElement.lang = language;
}

export const currentLanguage = () => language;

setLanguage(preferred());

/** The wasm module, once loaded: it formats every word. */
export function useWords(module) {
  wasm = module;
}

/** The message `key` with `args` (numbers select plurals). */
export function t(key, args = {}) {
  return wasm ? wasm.words(language, key, JSON.stringify(args)) : "";
}

/** Shows `key` in `element`, and again in the new language when it changes. */
export function say(element, key, args = {}) {
  element.dataset.words = key;
  element.dataset.wordsArgs = JSON.stringify(args);
  element.textContent = t(key, args);
}

/** Every `data-words` text (with its `data-words-args`), `data-words-label` and `data-words-alt` in the language. */
export function translatePage() {
  for (const element of document.querySelectorAll("[data-words]")) {
    element.textContent = t(element.dataset.words, JSON.parse(element.dataset.wordsArgs ?? "{}"));
  }
  for (const element of document.querySelectorAll("[data-words-label]")) element.setAttribute("aria-label", t(element.dataset.wordsLabel));
  for (const element of document.querySelectorAll("[data-words-alt]")) element.alt = t(element.dataset.wordsAlt);
}

/** The language's Intl formatters, made once per language (a long conversation formats many dates). */
let formats = null;
function intl() {
  if (formats?.locale !== locale) {
    formats = {
      locale,
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }),
      decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    };
  }
  return formats;
}

/** A date and time, as this language writes it. */
export const dateTime = (ms) => intl().dateTime.format(new Date(ms));

/** A YYYY-MM-DD calendar date in this language, the same day everywhere. */
export function calendarDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  if (!match) return String(text ?? "");
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return intl().date.format(date);
}

/** A decimal with one digit at most, as this language writes it. */
export const decimal = (value) => intl().decimal.format(value);

/** A code a newer app sent that no message knows ("to_contact" → "To contact"). */
export function codeWords(code) {
  const text = String(code ?? "").replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
