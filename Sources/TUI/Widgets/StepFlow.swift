/// What covers a pane while a step is being taken: its form, a picker, or the confirmation. The
/// purpose is the pane's own enum, so an answer cannot be routed by a misspelt string.
public enum StepOverlay<Purpose: Equatable & Sendable>: Equatable, Sendable {
  case form(Form, purpose: Purpose)
  case picker(Picker, purpose: Purpose)
  case confirm(ConfirmDialog)

  var plain: Overlay {
    switch self {
    case .form(let f, _): return .form(f, purpose: "")
    case .picker(let p, _): return .picker(p, purpose: "")
    case .confirm(let c): return .confirm(c)
    }
  }

  public var keymap: KeymapSection { plain.keymap }
  public var escapeLosesInput: Bool { plain.escapeLosesInput }
  public var capturesText: Bool { plain.capturesText }
  public func render(into frame: inout Frame, area: Rect) { plain.render(into: &frame, area: area) }
}

/// 办理步骤 — the one flow of every step: a form (or picker) → a confirmation → the step is
/// performed → on success the overlay closes, on refusal the form comes back with everything typed
/// and the refusal written on it. Panes say what each answer means; the flow keeps the order.
public struct StepFlow<Purpose: Equatable & Sendable, Work>: Sendable where Work: Sendable {
  /// A confirmed or confirming step: what to do, the form to give back, what success says.
  public struct Pending: Sendable {
    public let work: Work
    let form: StepOverlay<Purpose>?
    public let done: String
  }

  public private(set) var overlay: StepOverlay<Purpose>?
  /// Set from the confirmation until the step's answer arrives.
  public private(set) var pending: Pending?

  public init() {}

  /// What a key in the overlay came to.
  public enum Event: Sendable {
    /// Taken by the overlay; nothing for the pane to do.
    case handled
    /// A form value changed (the pane may update the form's footer).
    case edited(field: String, Purpose)
    /// F5 on a form: the pane checks it, then confirms, refuses, or performs.
    case submitted(Form, Purpose)
    case picked(Picker.Option, Purpose)
    /// The clerk confirmed: the pane runs `pending.work`.
    case confirmed(Pending)
    /// Closed without doing anything.
    case cancelled(Toast?)
  }

  public var isOpen: Bool { overlay != nil }

  public mutating func show(_ form: Form, _ purpose: Purpose) {
    overlay = .form(form, purpose: purpose)
  }

  public mutating func pick(_ picker: Picker, _ purpose: Purpose) {
    overlay = .picker(picker, purpose: purpose)
  }

  /// Asks before `work`; the form now showing (if any) is kept to give back on refusal.
  public mutating func confirm(_ title: String, _ lines: [String], _ work: Work, done: String) {
    let form: StepOverlay<Purpose>?
    if case .form = overlay { form = overlay } else { form = nil }
    pending = Pending(work: work, form: form, done: done)
    overlay = .confirm(ConfirmDialog(title: title, lines: lines, action: "perform"))
  }

  /// Runs `work` without asking (the form's F5 is confirmation enough): the form now showing is
  /// kept to give back on refusal.
  public mutating func begin(_ work: Work, done: String) {
    let form: StepOverlay<Purpose>?
    if case .form = overlay { form = overlay } else { form = nil }
    pending = Pending(work: work, form: form, done: done)
  }

  /// The form a pending step came from, for a pane that marks the refusal on it itself.
  public var pendingForm: (Form, Purpose)? {
    guard case .form(let f, let purpose)? = pending?.form else { return nil }
    return (f, purpose)
  }

  /// Changes the open form in place (a footer that follows the values).
  public mutating func updateForm(_ change: (inout Form) -> Void) {
    guard case .form(var f, let purpose) = overlay else { return }
    change(&f)
    overlay = .form(f, purpose: purpose)
  }

  public mutating func close() {
    overlay = nil
    pending = nil
  }

  public mutating func handle(_ key: Key, fieldWidth: Int = 40) -> Event {
    guard let current = overlay else { return .handled }
    switch current {
    case .form(var form, let purpose):
      let outcome = form.handle(key, fieldWidth: fieldWidth)
      overlay = .form(form, purpose: purpose)
      switch outcome {
      case .submit: return .submitted(form, purpose)
      case .cancel:
        close()
        return .cancelled(.info("已取消,未保存"))
      case .edited(let field): return .edited(field: field, purpose)
      case .none: return .handled
      }
    case .picker(var picker, let purpose):
      let outcome = picker.handle(key)
      switch outcome {
      case .cancelled:
        close()
        return .cancelled(nil)
      case .picked(let option):
        overlay = nil
        return .picked(option, purpose)
      case .none, .filterChanged:
        overlay = .picker(picker, purpose: purpose)
        return .handled
      }
    case .confirm(let dialog):
      switch dialog.handle(key) {
      case .confirmed:
        guard let p = pending else {
          close()
          return .handled
        }
        return .confirmed(p)
      case .cancelled:
        // Back to the form, everything typed still there.
        overlay = pending?.form
        pending = nil
        return .cancelled(.info("已取消"))
      case .none: return .handled
      }
    }
  }

  /// A form refused before confirming: shown again with `message` on it, the first field in
  /// error focused (and `field` marked, when the problem belongs to one).
  public mutating func refuse(
    _ form: Form, _ purpose: Purpose, _ message: String, field: String? = nil
  ) -> PaneResponse {
    var f = form
    if let field { f.setError(field, message) }
    f.message = message
    if let first = f.firstError { f.focus(on: first) }
    overlay = .form(f, purpose: purpose)
    return .toast(.error(message))
  }

  /// The step was refused when performed: its form comes back with the message on it, or the
  /// overlay closes when the step had no form.
  public mutating func performRefused(_ message: String) -> PaneResponse {
    if case .form(var f, let purpose) = pending?.form {
      f.message = message
      overlay = .form(f, purpose: purpose)
    } else {
      overlay = nil
    }
    pending = nil
    return .toast(.error(message))
  }

  /// The step was done: the overlay closes; its success message.
  public mutating func performed() -> Toast? {
    let done = pending?.done
    close()
    return done.map { .info($0) }
  }

  // What the pane reports while the flow is open.
  public var keymap: KeymapSection? { overlay?.keymap }
  public var capturesText: Bool { overlay?.capturesText ?? false }
  public var escapeLosesInput: Bool { overlay?.escapeLosesInput ?? false }
  public var hasForm: Bool {
    if case .form = overlay { return true }
    return pending?.form != nil
  }
  /// What quitting now would lose: what was typed in the open form, or in the form a confirmation
  /// came from. A form opened and left as it was loses nothing, so F10 does not ask.
  public var hasUnsavedInput: Bool {
    if escapeLosesInput { return true }
    if case .form(let f, _)? = pending?.form { return f.isChanged }
    return false
  }
}
