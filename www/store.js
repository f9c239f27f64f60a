// localStorage / sessionStorage that never throws (storage can be disabled, full, or absent).
export function load(key, fallback, storage = "localStorage") {
  try {
    const v = globalThis[storage]?.getItem(key);
    return v == null ? fallback : JSON.parse(v);
  } catch {
    return fallback;
  }
}

export function save(key, value, storage = "localStorage") {
  try {
    if (value === undefined) globalThis[storage]?.removeItem(key);
    else globalThis[storage]?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
