import Domain

/// Where a 常用语 would go: the focused multi-line field, its kind, and how much room it has.
public struct PhraseSlot: Equatable, Sendable {
  public var kind: PhraseKind
  /// The field's label, as the clerk reads it beside the field.
  public var label: String
  /// Characters in the field now, and its limit.
  public var count: Int
  public var maxLength: Int

  public var room: Int { max(0, maxLength - count) }

  /// Why `text` cannot go in, or nil: the field's limit, in the clerk's words.
  public func refusal(inserting text: String) -> Refusal? {
    guard count + text.count > maxLength else { return nil }
    return Refusal(
      "「\(label)」最多\(maxLength)字,已有\(count)字,这条常用语\(text.count)字,插入后超出"
        + "\(count + text.count - maxLength)字,未插入")
  }
}

extension Form {
  /// The focused field's slot, when it is a multi-line field offering 常用语.
  public var phraseSlot: PhraseSlot? {
    guard fields.indices.contains(focus), case .area(let a) = fields[focus].input,
      let kind = fields[focus].phraseKind
    else { return nil }
    return PhraseSlot(
      kind: kind, label: fields[focus].label, count: a.text.count, maxLength: a.maxLength)
  }

  /// Inserts a chosen 常用语 at the caret of the focused multi-line field; the refusal, with
  /// nothing changed, when it would pass the field's limit (or no such field has focus).
  public mutating func insertPhrase(_ text: String) -> Refusal? {
    guard let slot = phraseSlot, case .area(var a) = fields[focus].input else {
      return Refusal("没有可插入常用语的输入框")
    }
    if let refusal = slot.refusal(inserting: text) { return refusal }
    guard a.insert(text) else { return slot.refusal(inserting: text) }
    fields[focus].input = .area(a)
    fields[focus].error = nil
    return nil
  }
}

extension StepFlow {
  /// The open form's slot (nil while a picker or a confirmation shows).
  public var phraseSlot: PhraseSlot? {
    guard case .form(let f, _)? = overlay else { return nil }
    return f.phraseSlot
  }

  public mutating func insertPhrase(_ text: String) -> Refusal? {
    var refusal: Refusal? = Refusal("没有可插入常用语的输入框")
    updateForm { refusal = $0.insertPhrase(text) }
    return refusal
  }
}
