import Domain
import Store

extension ApplicationsPane {
  /// Why the step cannot be taken now: the machine's answer (`ApplicationMachine.availability`),
  /// asked when the case was read.
  func precheck(_ command: CaseCommand, _ a: Application, _ context: AppContext) -> String? {
    guard let step = command.step(on: a) else { return nil }
    return stepRefusals[step]?.description
  }
}
