import Foundation
import LocalAuthentication
import Security
import SharedTypes

/// Biometric unlock's key: 32 random bytes in the Keychain, on this device
/// only (never synced or backed up), readable only after Face ID or Touch ID.
/// A key the system invalidated (a new face or finger enrolled) reads as
/// "unavailable"; the passcode still works.
@MainActor
final class PlatformKey {
    private nonisolated static let account = "org.phoenix.platform-key"

    /// `answer` runs on the main actor.
    func perform(_ operation: PlatformKeyOperation, answer: @escaping @MainActor @Sendable (PlatformKeyOutput) -> Void) {
        switch operation {
        case .create: answer(Self.create().map { .key($0) } ?? .unavailable)
        case .read: Self.read(answer)
        case .delete:
            SecItemDelete(Self.query() as CFDictionary)
            answer(.deleted)
        }
    }

    /// Whether Face ID or Touch ID is set up, so the prompt can work.
    static func usable() -> Bool {
        LAContext().canEvaluatePolicy(.deviceOwnerAuthenticationWithBiometrics, error: nil)
    }

    private nonisolated static func query() -> [String: Any] {
        [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: account]
    }

    private static func create() -> [UInt8]? {
        guard usable() else { return nil }
        var key = [UInt8](repeating: 0, count: 32)
        guard SecRandomCopyBytes(kSecRandomDefault, key.count, &key) == errSecSuccess,
              let access = SecAccessControlCreateWithFlags(nil, kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly, .biometryCurrentSet, nil)
        else { return nil }
        SecItemDelete(query() as CFDictionary)
        var item = query()
        item[kSecValueData as String] = Data(key)
        item[kSecAttrAccessControl as String] = access
        return SecItemAdd(item as CFDictionary, nil) == errSecSuccess ? key : nil
    }

    private static func read(_ answer: @escaping @MainActor @Sendable (PlatformKeyOutput) -> Void) {
        // The Keychain shows the biometric prompt; off the main thread. Only
        // Sendable values cross: the query is built on that thread, and the
        // key comes back as bytes.
        DispatchQueue.global(qos: .userInitiated).async {
            var item = query()
            item[kSecReturnData as String] = true
            item[kSecUseAuthenticationContext as String] = LAContext()
            var result: AnyObject?
            let status = SecItemCopyMatching(item as CFDictionary, &result)
            let key: [UInt8]? = (status == errSecSuccess ? result as? Data : nil).map { [UInt8]($0) }
            Task { @MainActor in answer(key.map { .key($0) } ?? .unavailable) }
        }
    }
}
