import CSQLite

/// A Swift text function callable from SQL; SQLite holds the box and releases it with the
/// connection.
private final class TextFunction {
  let body: (String) -> String
  init(_ body: @escaping (String) -> String) { self.body = body }
}

extension Connection {
  /// Defines `name(text)` for this connection's SQL, deterministic (same text, same result), so
  /// a migration can fill a column computed by the same Swift code the projectors use, and
  /// innocuous (no side effects), so a view or trigger of the schema may call it. NULL in, NULL
  /// out.
  public func defineFunction(_ name: String, _ body: @escaping (String) -> String)
    throws(DatabaseError)
  {
    let box = Unmanaged.passRetained(TextFunction(body)).toOpaque()
    let rc = sqlite3_create_function_v2(
      handle, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, box,
      { context, _, values in
        guard let context, let values, let value = values[0],
          sqlite3_value_type(value) != SQLITE_NULL, let text = sqlite3_value_text(value),
          let box = sqlite3_user_data(context)
        else {
          sqlite3_result_null(context)
          return
        }
        let function = Unmanaged<TextFunction>.fromOpaque(box).takeUnretainedValue()
        let result = function.body(String(cString: text))
        sqlite3_result_text(context, result, -1, csqlite_transient())
      }, nil, nil,
      { box in
        if let box { Unmanaged<TextFunction>.fromOpaque(box).release() }
      })
    guard rc == SQLITE_OK else {
      throw DatabaseError(code: rc, message: String(cString: sqlite3_errmsg(handle)))
    }
  }
}
