/// 字数上限 — how a text input shows its limit: the count once it is near, and a message when a
/// character is refused, so nothing typed is ever dropped without a word.
enum FieldLimit {
  /// `55/60字` from the last sixth of the limit (at least the last 3), nil before.
  static func note(count: Int, max: Int) -> String? {
    guard count >= max - Swift.max(3, max / 6) else { return nil }
    return "\(count)/\(max)字"
  }

  /// What the clerk reads beside the field after typing past its limit (short enough to fit
  /// beside a field at 80 columns).
  static func refusal(max: Int) -> String { "已满\(max)字,未录入" }
}
