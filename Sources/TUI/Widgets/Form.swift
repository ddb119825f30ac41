import Domain

/// One input of a form.
public struct FormField: Equatable, Sendable {
  public enum Input: Equatable, Sendable {
    case text(TextField)
    case area(TextArea)
    case choice(ChoiceField)
  }

  /// The key the pane reads the value by.
  public let key: String
  public var label: String
  public var input: Input
  public var required: Bool = false
  /// Shown beside the field when it has no error (e.g. the derived limit).
  public var note: String?
  /// Set by the pane's validation; drawn in red beside the field.
  public var error: String?
  /// Hidden fields are skipped (e.g. 统一社会信用代码 when the applicant is a person).
  public var hidden = false
  /// What the value must be beyond text (`.int(range:)`, `.date`): `Form.validate` checks it.
  public var check: FieldCheck = .none
  /// The 常用语 F6 offers in this field (a multi-line one), nil: none.
  public var phraseKind: PhraseKind?

  public static func text(
    _ key: String, _ label: String, value: String = "", max: Int = 50, required: Bool = false,
    placeholder: String = ""
  ) -> FormField {
    FormField(
      key: key, label: label,
      input: .text(TextField(label: label, text: value, maxLength: max, placeholder: placeholder)),
      required: required)
  }

  public static func area(
    _ key: String, _ label: String, value: String = "", max: Int = 2000, lines: Int = 3,
    required: Bool = false
  ) -> FormField {
    var field = FormField(
      key: key, label: label, input: .area(TextArea(text: value, maxLength: max, lines: lines)),
      required: required)
    // Every multi-line field offers the 常用语 of its kind, named after its label.
    field.phraseKind = PhraseKind.forField(label: label)
    return field
  }

  /// The same field offering the 常用语 of `kind` (nil: none), where its label alone does not
  /// say what it holds (a 不予受理 form's 说明).
  public func phrases(_ kind: PhraseKind?) -> FormField {
    var copy = self
    copy.phraseKind = kind
    return copy
  }

  public static func choice(
    _ key: String, _ label: String, _ options: [String], value: String? = nil
  ) -> FormField {
    var c = ChoiceField(options: options)
    if let value { c.select(value) }
    return FormField(key: key, label: label, input: .choice(c), required: true)
  }

  /// A choice the clerk must make: nothing chosen at first, no wrapping (`ChoiceField.deliberate`).
  public static func deliberateChoice(_ key: String, _ label: String, _ options: [String])
    -> FormField
  {
    FormField(
      key: key, label: label, input: .choice(.deliberate(options: options)), required: true)
  }

  public var value: String {
    switch input {
    case .text(let t): return t.trimmed
    case .area(let a): return a.trimmed
    case .choice(let c): return c.value
    }
  }

  /// The count against the limit once a text input nears it.
  var limitNote: String? {
    switch input {
    case .text(let t): return t.limitNote
    case .area(let a): return a.limitNote
    case .choice: return nil
    }
  }

  var height: Int {
    if case .area(let a) = input { return a.lines }
    return 1
  }
}

/// 表单 — labelled fields, Tab/Shift-Tab (or Up/Down) between them, F5 to save, Esc to cancel.
///
/// The form never loses what was typed: validation marks fields with errors and leaves every value
/// in place.
public struct Form: Equatable, Sendable {
  public var title: String
  public var fields: [FormField]
  public private(set) var focus = 0
  /// Extra lines under the fields (a material checklist, a derived deadline) drawn by the pane.
  public var footer: [String] = []
  /// Set by the pane after a refused save, shown at the top.
  public var message: String?
  /// The values the form opened with: Esc closes an unchanged form at once, and asks first when
  /// the clerk changed something (`isChanged`).
  private let openedWith: [String]

  public enum Outcome: Equatable, Sendable {
    case none
    /// A value changed (the pane may re-validate live).
    case edited(String)
    case submit
    case cancel
  }

  public init(title: String, fields: [FormField]) {
    self.title = title
    self.fields = fields
    focus = fields.firstIndex { !$0.hidden } ?? 0
    openedWith = fields.map(\.value)
  }

  /// True when a value differs from what the form opened with.
  public var isChanged: Bool { fields.map(\.value) != openedWith }

  public static let keymap = KeymapSection(
    "表单",
    [
      KeyBinding([.tab, .down], "next", "下一项"),
      KeyBinding([.backTab, .up], "previous", "上一项"),
      KeyBinding([.function(5)], "save", "保存", bar: true),
      KeyBinding([.escape], "cancel", "取消", bar: true),
      KeyBinding([.left, .right], "choose", "选择框换选项"),
      KeyBinding([.control("u")], "clear", "清空本项"),
    ])

  public subscript(key: String) -> String {
    fields.first { $0.key == key }?.value ?? ""
  }

  public func field(_ key: String) -> FormField? { fields.first { $0.key == key } }

  public var focusedKey: String { fields.indices.contains(focus) ? fields[focus].key : "" }

  public mutating func update(_ key: String, _ change: (inout FormField) -> Void) {
    guard let i = fields.firstIndex(where: { $0.key == key }) else { return }
    change(&fields[i])
  }

  public mutating func setError(_ key: String, _ message: String?) {
    update(key) { $0.error = message }
  }

  public mutating func clearErrors() {
    for i in fields.indices { fields[i].error = nil }
    message = nil
  }

  /// Moves focus to a field (the first one in error after a refused save).
  public mutating func focus(on key: String) {
    if let i = fields.firstIndex(where: { $0.key == key && !$0.hidden }) { focus = i }
  }

  public var firstError: String? { fields.first { !$0.hidden && $0.error != nil }?.key }

  /// Marks empty required fields; true when none is missing.
  public mutating func checkRequired() -> Bool {
    var ok = true
    for i in fields.indices where fields[i].required && !fields[i].hidden && fields[i].value.isEmpty
    {
      fields[i].error = "必填"
      ok = false
    }
    return ok
  }

  public mutating func handle(_ key: Key, fieldWidth: Int = 40) -> Outcome {
    if key == .function(5) { return .submit }
    if key == .escape { return .cancel }
    // Enter goes on to the next field: a form is submitted with F5 only.
    if let step = key.fieldStep ?? (key == .enter ? 1 : nil) {
      move(step)
      return .none
    }
    guard fields.indices.contains(focus) else { return .none }
    var handled = false
    var full: Int?
    switch fields[focus].input {
    case .text(var t):
      handled = t.handle(key)
      if t.refusedAtLimit { full = t.maxLength }
      fields[focus].input = .text(t)
    case .area(var a):
      handled = a.handle(key, width: fieldWidth)
      if a.refusedAtLimit { full = a.maxLength }
      fields[focus].input = .area(a)
    case .choice(var c):
      handled = c.handle(key)
      fields[focus].input = .choice(c)
    }
    if let full {
      fields[focus].error = FieldLimit.refusal(max: full)
      return .none
    }
    if handled {
      fields[focus].error = nil
      return .edited(fields[focus].key)
    }
    switch key {
    case .down:
      move(1)
    case .up:
      move(-1)
    default: break
    }
    return .none
  }

  mutating func move(_ step: Int) {
    let visible = fields.indices.filter { !fields[$0].hidden }
    guard let pos = visible.firstIndex(of: focus) ?? visible.first.map({ _ in 0 }) else { return }
    let next = (pos + step + visible.count) % visible.count
    focus = visible[next]
  }

  /// Label column width for this form.
  var labelWidth: Int {
    min(14, (fields.map { DisplayWidth.of($0.label) }.max() ?? 4) + 2)
  }

  /// Width given to inputs inside `area` (the pane passes it back into `handle`).
  public func inputWidth(in area: Rect) -> Int {
    max(10, min(60, area.width - labelWidth - 2 - 16))
  }

  public func render(into frame: inout Frame, area: Rect) {
    var y = area.y
    frame.put(title, x: area.x, y: y, maxWidth: area.width, style: .bold)
    y += 1
    if let message {
      frame.put(message, x: area.x, y: y, maxWidth: area.width, style: .danger)
    }
    y += 1
    let visible = fields.indices.filter { !fields[$0].hidden }
    let inputWidth = inputWidth(in: area)
    let available = area.maxY - y - footer.count
    // Start as high as possible while keeping the focused field on screen.
    let heights = visible.map { fields[$0].height }
    var first = 0
    if let fpos = visible.firstIndex(of: focus) {
      while first < fpos, heights[first...fpos].reduce(0, +) > available { first += 1 }
    }
    for i in visible.dropFirst(first) {
      let f = fields[i]
      guard y + f.height <= area.maxY - footer.count else { break }
      let mark = f.required ? "*" : " "
      frame.put(
        mark + f.label, x: area.x, y: y, maxWidth: labelWidth, style: i == focus ? .bold : .normal)
      let ix = area.x + labelWidth + 1
      switch f.input {
      case .text(let t): t.render(into: &frame, x: ix, y: y, width: inputWidth, focused: i == focus)
      case .area(let a): a.render(into: &frame, x: ix, y: y, width: inputWidth, focused: i == focus)
      case .choice(let c):
        c.render(into: &frame, x: ix, y: y, width: inputWidth, focused: i == focus)
      }
      let sideX = ix + inputWidth + 1
      if let e = f.error {
        frame.put(e, x: sideX, y: y, maxWidth: area.maxX - sideX, style: .danger)
      } else if let n = f.limitNote {
        frame.put(n, x: sideX, y: y, maxWidth: area.maxX - sideX, style: .dim)
      } else if let n = f.note {
        frame.put(n, x: sideX, y: y, maxWidth: area.maxX - sideX, style: .dim)
      }
      y += f.height
    }
    for (i, line) in footer.enumerated() where area.maxY - footer.count + i >= y {
      frame.put(line, x: area.x, y: area.maxY - footer.count + i, maxWidth: area.width)
    }
  }
}
