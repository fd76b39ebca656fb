package dev.memoria.core.governance.plugin;

import dev.memoria.ports.error.InvalidInputException;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 from the JDK: key generation, signing and verification of plugin digests. Public keys travel as base64
 * of the X.509 SubjectPublicKeyInfo (what {@code PublicKey.getEncoded()} gives); the raw 32-byte key is accepted
 * too, since other tools print that. Private keys are base64 PKCS#8 and never leave the author's machine.
 */
public final class Ed25519 {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; followed by the 32 raw key bytes. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey publicKey(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.trim());
            if (bytes.length == 32) {
                byte[] spki = new byte[SPKI_PREFIX.length + 32];
                System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
                System.arraycopy(bytes, 0, spki, SPKI_PREFIX.length, 32);
                bytes = spki;
            }
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(bytes));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidInputException("invalid_public_key",
                    "public_key must be base64 of an Ed25519 key (X.509 SubjectPublicKeyInfo or the raw 32 bytes)");
        }
    }

    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidInputException("invalid_private_key", "not a base64 PKCS#8 Ed25519 private key");
        }
    }

    /** Signs a package digest; returns the base64 signature. */
    public static String sign(PrivateKey key, String digest) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(PluginPackage.signedMessage(digest));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** True when {@code signature} (base64) is the key's signature of the digest; malformed input is false. */
    public static boolean verify(PublicKey key, String digest, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(PluginPackage.signedMessage(digest));
            return verifier.verify(Base64.getDecoder().decode(signature.trim()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
