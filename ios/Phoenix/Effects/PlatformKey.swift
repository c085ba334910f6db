import Foundation
import LocalAuthentication
import Security
import SharedTypes

/// Biometric unlock's key: 32 random bytes in the Keychain, on this device
/// only (never synced or backed up), readable only after Face ID or Touch ID.
@MainActor
final class PlatformKey {
    private let account = "org.phoenix.platform-key"

    func perform(_ operation: PlatformKeyOperation, answer: @escaping (PlatformKeyOutput) -> Void) {
        switch operation {
        case .create: answer(create().map { .key($0) } ?? .unavailable)
        case .read: read(answer)
        case .delete:
            SecItemDelete(query() as CFDictionary)
            answer(.deleted)
        }
    }

    private func query() -> [String: Any] {
        [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: account]
    }

    private func create() -> [UInt8]? {
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

    private func read(_ answer: @escaping (PlatformKeyOutput) -> Void) {
        let context = LAContext()
        var item = query()
        item[kSecReturnData as String] = true
        item[kSecUseAuthenticationContext as String] = context
        // The Keychain shows the biometric prompt; off the main thread.
        DispatchQueue.global(qos: .userInitiated).async {
            var result: AnyObject?
            let status = SecItemCopyMatching(item as CFDictionary, &result)
            let key = (status == errSecSuccess ? result as? Data : nil).map { [UInt8]($0) }
            Task { @MainActor in answer(key.map { .key($0) } ?? .unavailable) }
        }
    }
}
