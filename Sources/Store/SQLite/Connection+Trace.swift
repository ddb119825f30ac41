import CSQLite

/// The receiver of a traced statement; SQLite holds the box until the trace is replaced.
private final class StatementTracer {
  let body: (String) -> Void
  init(_ body: @escaping (String) -> Void) { self.body = body }
}

extension Connection {
  /// Calls `body` with the text of every statement this connection starts, its arguments written
  /// in (`sqlite3_expanded_sql`); nil stops it. For tests that list what a screen runs (the
  /// screen-statement catalogue's test), never for the program itself: it costs every step.
  public func traceStatements(_ body: ((String) -> Void)?) {
    if let old = tracer {
      sqlite3_trace_v2(handle, 0, nil, nil)
      Unmanaged<StatementTracer>.fromOpaque(old).release()
      tracer = nil
    }
    guard let body else { return }
    let box = Unmanaged.passRetained(StatementTracer(body)).toOpaque()
    tracer = box
    sqlite3_trace_v2(
      handle, UInt32(SQLITE_TRACE_STMT),
      { _, context, statement, text in
        guard let context, let statement else { return 0 }
        // A trigger's statements arrive as "-- …" comments: only the top level is the screen's.
        if let text, text.assumingMemoryBound(to: CChar.self).pointee == 0x2D { return 0 }
        let tracer = Unmanaged<StatementTracer>.fromOpaque(context).takeUnretainedValue()
        let stmt = OpaquePointer(statement)
        guard let expanded = sqlite3_expanded_sql(stmt) else { return 0 }
        defer { sqlite3_free(expanded) }
        tracer.body(String(cString: expanded))
        return 0
      }, box)
  }
}
