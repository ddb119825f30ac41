import Domain
import Store

extension ApplicationsPane {
  /// The step a case key stands for: 特别程序 (`clock`) starts one, or ends the one running.
  static func step(_ command: String, _ a: Application) -> ApplicationStep? {
    if command == ApplicationStep.stopClock.rawValue, a.runningStop != nil { return .resumeClock }
    return ApplicationStep(rawValue: command)
  }

  /// Why the step cannot be taken now (the machine's answer: `ApplicationMachine.availability`).
  func precheck(_ command: String, _ a: Application, _ context: AppContext) -> String? {
    guard let step = Self.step(command, a) else { return nil }
    return service.availability(step, on: a, for: context.staff, at: context.now)?.description
  }
}
