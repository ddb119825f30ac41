/// A value bound to or read from SQL.
public enum SQLValue: Hashable, Sendable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])
}

extension SQLValue {
  /// The value as a dump or an audit comparison shows it: NULL spelled out, a blob by its size.
  public var dumpText: String {
    switch self {
    case .null: return "NULL"
    case .integer(let v): return String(v)
    case .real(let v): return String(v)
    case .text(let v): return v
    case .blob(let v): return "x'\(v.count)'"
    }
  }
}

extension Row {
  /// Every column of the row as `SQLValue.dumpText`, in the statement's order.
  public var dumpTexts: [String] { (0..<columnCount).map { value($0).dumpText } }
}

/// Something that can be bound as a statement argument.
public protocol SQLBindable {
  var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable {
  public var sqlValue: SQLValue { self }
}

extension Int: SQLBindable {
  public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLBindable {
  public var sqlValue: SQLValue { .integer(self) }
}

extension Int32: SQLBindable {
  public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Bool: SQLBindable {
  public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension Double: SQLBindable {
  public var sqlValue: SQLValue { .real(self) }
}

extension String: SQLBindable {
  public var sqlValue: SQLValue { .text(self) }
}

extension Substring: SQLBindable {
  public var sqlValue: SQLValue { .text(String(self)) }
}

extension Array: SQLBindable where Element == UInt8 {
  public var sqlValue: SQLValue { .blob(self) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
  public var sqlValue: SQLValue {
    switch self {
    case .none: return .null
    case .some(let v): return v.sqlValue
    }
  }
}
