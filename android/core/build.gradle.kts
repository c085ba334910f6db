// The plain-Kotlin core wrapper: Core.kt and the effect interfaces, plus the
// generated code (`cargo xtask bindings` writes core/generated/: UniFFI's
// Kotlin bindings and the core's types from crux's facet typegen).
plugins {
    alias(libs.plugins.kotlin.jvm)
}

kotlin {
    jvmToolchain(17)
    sourceSets["main"].kotlin.srcDirs("src/main/kotlin", "generated/uniffi", "generated/types")
}

dependencies {
    // The app supplies JNA's Android build (an AAR with its native parts).
    compileOnly(libs.jna)
}
