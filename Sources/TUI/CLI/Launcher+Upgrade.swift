import Domain
import Foundation
import Store

#if canImport(Glibc)
  import Glibc
#endif

/// Opens the workstation's database, drawing the upgrade (`UpgradeScreen`) when opening it
/// upgrades it or waits for another process's upgrade. Curses starts only when there is such a
/// screen to show; `Launcher` then goes on with the same terminal.
final class UpgradeDisplay {
  let env: CLIEnvironment
  private(set) var curses: Curses?
  private let clock: () -> Double = { ProcessInfo.processInfo.systemUptime }
  private var started: Double?
  private var lastDraw: Double?
  private var last: ProgressStep?

  init(_ env: CLIEnvironment) { self.env = env }

  /// The store, upgraded; nil when the clerk left (F10) while another process was upgrading.
  func open() throws -> Store? {
    while true {
      do {
        let store = try env.openStore(upgradeProgress: { [self] in running($0) })
        if let started, let curses {
          let done = UpgradeScreen.State.finished(last, elapsed: clock() - started)
          draw(done)
          // Any key but a resize (which redraws); waiting for no key at all is not a key.
          while (curses.readKey(timeoutMs: 1000) ?? .resize) == .resize {
            curses.invalidate()
            draw(done)
          }
        }
        return store
      } catch StoreError.upgradeRunning(let step) {
        // Not on a terminal the command line's message says it (`StoreError.userMessage`).
        guard let curses = start() else { throw StoreError.upgradeRunning(step) }
        draw(.elsewhere(step))
        let key = curses.readKey(timeoutMs: 1000)
        if key == .function(10) || key == .control("c") { return nil }
        if key == .resize { curses.invalidate() }
      }
    }
  }

  private func running(_ step: ProgressStep) {
    let now = clock()
    if started == nil { started = now }
    last = step
    // At most ten frames a second: a re-fold reports every stream.
    if let lastDraw, now - lastDraw < 0.1, step.done < step.total { return }
    lastDraw = now
    guard start() != nil else { return }
    draw(.running(step, elapsed: now - (started ?? now)))
  }

  private func draw(_ state: UpgradeScreen.State) {
    guard let curses else { return }
    let size = curses.size
    curses.draw(UpgradeScreen.frame(state, width: size.width, height: size.height))
  }

  /// Curses on this terminal, started once; nil when the workstation could not open here anyway
  /// (`Launcher` then says why, after the upgrade).
  private func start() -> Curses? {
    if let curses { return curses }
    do {
      try Launcher.checkLocale(env.environment)
      try Launcher.checkTerminal(env.environment)
    } catch {
      return nil
    }
    guard isatty(0) == 1, isatty(1) == 1 else { return nil }
    let made = Curses(
      forceMonochrome: Launcher.monochrome(env), escapeDelay: Curses.escapeDelay(env.environment))
    curses = made
    return made
  }
}
