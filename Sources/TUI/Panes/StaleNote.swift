/// The note added to a refusal when re-reading shows that another session moved the case (or
/// change, or notice) on meanwhile: the clerk learns why, and that the screen now shows it as it is.
enum StaleNote {
  /// `subject` names what changed (该件, 该办件); `state` is its state now, as the screen shows it.
  static func text(_ state: String, subject: String = "该件") -> String {
    "(\(subject)已在别处办理,现为「\(state)」,屏幕已更新)"
  }
}
