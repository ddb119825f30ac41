import Foundation

/// A parsed JSON value that keeps its exact kind (true is not 1), so a file's reader can say
/// precisely which field has the wrong type.
enum JSONValue: Decodable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let n = try? c.decode(Int.self) {
      self = .int(n)
    } else if let d = try? c.decode(Double.self) {
      self = .double(d)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  static func parse(_ data: Data) -> JSONValue? {
    try? JSONDecoder().decode(JSONValue.self, from: data)
  }

  var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }
  var int: Int? {
    if case .int(let n) = self { return n }
    return nil
  }
  var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }
  var array: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }
  var object: [String: JSONValue]? {
    if case .object(let o) = self { return o }
    return nil
  }
}
