import Domain

/// What a field's value must be, beyond its length: checked by `Form.validate`, read typed by
/// `Form.int`, `Form.date`, `Form.choice(_:as:)`.
public enum FieldCheck: Equatable, Sendable {
  case none
  /// A whole number in `range`; `message` when out of it (the article the range comes from).
  case int(ClosedRange<Int>, message: String)
  /// A date written YYYY-MM-DD.
  case date

  /// Why `value` does not pass; nil when it does (an empty value is `required`'s business).
  func problem(_ value: String) -> String? {
    guard !value.isEmpty else { return nil }
    switch self {
    case .none: return nil
    case .int(let range, let message):
      guard let n = Int(value), range.contains(n) else { return message }
      return nil
    case .date:
      return CivilDate(iso: value) == nil ? "日期格式应为 YYYY-MM-DD" : nil
    }
  }
}

extension FormField {
  /// A whole number in a range the Domain names (never a literal in a pane): the placeholder and
  /// the refusal say the range.
  public static func int(
    _ key: String, _ label: String, range: ClosedRange<Int>, value: Int? = nil,
    required: Bool = true, message: String? = nil
  ) -> FormField {
    let digits = String(range.upperBound).count
    var f = FormField.text(
      key, label, value: value.map(String.init) ?? "", max: max(digits, 1), required: required,
      placeholder: "\(range.lowerBound)-\(range.upperBound)")
    f.check = .int(
      range, message: message ?? "应为\(range.lowerBound)至\(range.upperBound)的整数")
    return f
  }

  /// A date, written YYYY-MM-DD.
  public static func date(
    _ key: String, _ label: String, value: CivilDate? = nil, required: Bool = true
  ) -> FormField {
    var f = FormField.text(
      key, label, value: value?.iso ?? "", max: 10, required: required, placeholder: "YYYY-MM-DD")
    f.check = .date
    return f
  }

  /// One of a Domain enum's values, offered by title.
  public static func choice<T: Titled>(
    _ key: String, _ label: String, _ type: T.Type, value: T? = nil
  ) -> FormField {
    .choice(key, label, T.allCases.map(\.title), value: value?.title)
  }
}

extension Form {
  /// Marks empty required fields, then values that fail their check; answers the message for the
  /// form (nil when every field passes). Every value stays as typed.
  /// `skipping` names fields whose check does not apply now (a value another choice makes moot).
  public mutating func validate(skipping: Set<String> = []) -> String? {
    clearErrors()
    guard checkRequired() else { return "请填写标记为必填的项目" }
    var first: String?
    for i in fields.indices where !fields[i].hidden && !skipping.contains(fields[i].key) {
      if let p = fields[i].check.problem(fields[i].value) {
        fields[i].error = p
        first = first ?? p
      }
    }
    return first
  }

  /// Refuses the form at one field: the mark beside it and the line saying why. Answers nil, for
  /// the reader of a form that gives up there (`return form.refuse(…)`).
  public mutating func refuse<T>(_ key: String, _ mark: String, _ message: String) -> T? {
    setError(key, mark)
    self.message = message
    return nil
  }

  /// A number field's value when it passes its check.
  public func int(_ key: String) -> Int? {
    guard let f = field(key), let n = Int(f.value), f.check.problem(f.value) == nil else {
      return nil
    }
    return n
  }

  public func date(_ key: String) -> CivilDate? { CivilDate(iso: self[key]) }

  /// A choice field's value as the enum it offers.
  public func choice<T: Titled>(_ key: String, as type: T.Type) -> T? {
    let v = self[key]
    return T(title: v)
  }
}
