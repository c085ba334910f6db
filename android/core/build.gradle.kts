// The plain-Kotlin core wrapper: Core.kt and the effect interfaces, plus the
// generated code (`cargo xtask bindings` writes core/generated/: UniFFI's
// Kotlin bindings and the core's types from crux's facet typegen).
import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    alias(libs.plugins.kotlin.jvm)
}

// Java 17 bytecode from whichever JDK runs Gradle (17 or newer, such as
// Android Studio's bundled one): no toolchain to find or download.
java {
    sourceCompatibility = JavaVersion.VERSION_17
    targetCompatibility = JavaVersion.VERSION_17
}

kotlin {
    compilerOptions { jvmTarget.set(JvmTarget.JVM_17) }
    sourceSets["main"].kotlin.srcDirs("src/main/kotlin", "generated/uniffi", "generated/types")
}

dependencies {
    // The app supplies JNA's Android build (an AAR with its native parts).
    compileOnly(libs.jna)
}
