# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ln_ptlc_global_optspecs
    string join \n network= json generate= generate-dir= h/help V/version
end

function __fish_ln_ptlc_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ln_ptlc_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ln_ptlc_using_subcommand
    set -l cmd (__fish_ln_ptlc_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -l generate -d 'Print a man page or shell completion script and exit' -r -f -a "man\t'roff man page(s)'
bash\t'bash completion'
zsh\t'zsh completion'
fish\t'fish completion'"
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -l generate-dir -d 'With --generate: write every file (man: one page per subcommand) into DIR' -r -F
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -s V -l version -d 'Print version'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -f -a "musig2" -d 'BIP-327 MuSig2 signing round over files or JSON: keyagg, nonce, sign, partial-verify, aggregate, verify'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -f -a "adaptor" -d 'BIP-340 adaptor signatures: presign, verify, adapt, extract, convert'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -f -a "lock" -d 'Multi-hop point locks with per-hop decorrelation: derive, settle, check'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -f -a "extract" -d 'Recover a PTLC secret from a pre-signature and an on-chain witness (or a signature)'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -f -a "sim" -d 'Simulate channel update protocols: BOLT 2 full duplex vs turn-based (bolts PR #867) with NACK, plus the round trips and bytes of the four PTLC signing flows; prints a JSON report'
complete -c ln-ptlc -n "__fish_ln_ptlc_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and not __fish_seen_subcommand_from keyagg nonce sign partial-verify aggregate verify help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and not __fish_seen_subcommand_from keyagg nonce sign partial-verify aggregate verify help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and not __fish_seen_subcommand_from keyagg nonce sign partial-verify aggregate verify help" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and not __fish_seen_subcommand_from keyagg nonce sign partial-verify aggregate verify help" -f -a "keyagg" -d 'KeyAgg: the aggregate public key of the signers\' keys (BIP-327)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and not __fish_seen_subcommand_from keyagg nonce sign partial-verify aggregate verify help" -f -a "nonce" -d 'NonceGen: write a fresh secret nonce to a file (mode 0600) and print the public nonce'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and not __fish_seen_subcommand_from keyagg nonce sign partial-verify aggregate verify help" -f -a "sign" -d 'Sign: one partial signature; consumes (destroys) the secret nonce file'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and not __fish_seen_subcommand_from keyagg nonce sign partial-verify aggregate verify help" -f -a "partial-verify" -d 'PartialSigVerify: check one signer\'s partial signature'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and not __fish_seen_subcommand_from keyagg nonce sign partial-verify aggregate verify help" -f -a "aggregate" -d 'PartialSigAgg: the BIP-340 signature (or, with --adaptor, the pre-signature)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and not __fish_seen_subcommand_from keyagg nonce sign partial-verify aggregate verify help" -f -a "verify" -d 'Verify a BIP-340 signature (e.g. the aggregate) under an x-only key'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and not __fish_seen_subcommand_from keyagg nonce sign partial-verify aggregate verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from keyagg" -l pubkey -d 'A signer\'s public key (33-byte hex, or JSON from `nonce`); repeat for each, in order' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from keyagg" -l tweak -d 'A 32-byte tweak applied after KeyAgg (repeatable, in order)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from keyagg" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from keyagg" -l sort -d 'Sort the keys (KeySort) before aggregating'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from keyagg" -l xonly -d 'Apply the tweaks as x-only (BIP-341 TapTweak style) instead of plain (BIP-32 style)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from keyagg" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from keyagg" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from nonce" -l key-file -d 'File holding the signer\'s 32-byte secret key as hex [env: LN_PTLC_KEY]' -r -F
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from nonce" -l secnonce-out -d 'File to create for the secret nonce (refuses to overwrite)' -r -F
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from nonce" -l signer -d 'The signer\'s public key, when no secret key is given' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from nonce" -l msg -d 'Message to bind the nonce to (optional, hex / \'-\' / file)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from nonce" -l pubkey -d 'Signers\' keys to bind the nonce to the aggregate key (optional)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from nonce" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from nonce" -l sort -d 'Sort the keys (KeySort) before aggregating'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from nonce" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from nonce" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l pubkey -d 'A signer\'s public key (33-byte hex, or JSON from `nonce`); repeat for each, in order' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l tweak -d 'A 32-byte tweak applied after KeyAgg (repeatable, in order)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l msg -d 'The message (hex, any length; \'-\' or a file)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l adaptor -d 'Adaptor point T: the session produces a pre-signature completed by T\'s secret' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l convention -d 'MuSig2 adaptor convention (default nonce-coefficient = libsecp256k1-zkp); all signers must agree' -r -f -a "nonce-coefficient\t'T folded into the nonce coefficient b (libsecp256k1-zkp musig; default)'
final-nonce\t'T added to the final nonce only (the `musig2` crate 0.4)'"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l key-file -d 'File holding the signer\'s 32-byte secret key as hex [env: LN_PTLC_KEY]' -r -F
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l secnonce -d 'The secret nonce file written by `nonce`' -r -F
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l nonce -d 'Every signer\'s public nonce (JSON from `nonce`, hex, or a file), own included' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l state-dir -d 'Directory of the used-nonce records [default: $XDG_STATE_HOME/lnkit, else ~/.local/state/lnkit]' -r -F
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l sort -d 'Sort the keys (KeySort) before aggregating'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l xonly -d 'Apply the tweaks as x-only (BIP-341 TapTweak style) instead of plain (BIP-32 style)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l pubkey -d 'A signer\'s public key (33-byte hex, or JSON from `nonce`); repeat for each, in order' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l tweak -d 'A 32-byte tweak applied after KeyAgg (repeatable, in order)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l msg -d 'The message (hex, any length; \'-\' or a file)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l adaptor -d 'Adaptor point T: the session produces a pre-signature completed by T\'s secret' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l convention -d 'MuSig2 adaptor convention (default nonce-coefficient = libsecp256k1-zkp); all signers must agree' -r -f -a "nonce-coefficient\t'T folded into the nonce coefficient b (libsecp256k1-zkp musig; default)'
final-nonce\t'T added to the final nonce only (the `musig2` crate 0.4)'"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l nonce -d 'Every signer\'s public nonce' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l psig -d 'The partial signature (JSON from `sign`, or 32-byte hex with --signer)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l signer -d 'With a hex --psig: the signer\'s public key (its nonce is matched by position)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l sort -d 'Sort the keys (KeySort) before aggregating'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l xonly -d 'Apply the tweaks as x-only (BIP-341 TapTweak style) instead of plain (BIP-32 style)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from partial-verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -l pubkey -d 'A signer\'s public key (33-byte hex, or JSON from `nonce`); repeat for each, in order' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -l tweak -d 'A 32-byte tweak applied after KeyAgg (repeatable, in order)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -l msg -d 'The message (hex, any length; \'-\' or a file)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -l adaptor -d 'Adaptor point T: the session produces a pre-signature completed by T\'s secret' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -l convention -d 'MuSig2 adaptor convention (default nonce-coefficient = libsecp256k1-zkp); all signers must agree' -r -f -a "nonce-coefficient\t'T folded into the nonce coefficient b (libsecp256k1-zkp musig; default)'
final-nonce\t'T added to the final nonce only (the `musig2` crate 0.4)'"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -l psig -d 'Every partial signature (JSON from `sign`; each is verified first)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -l encoding -d 'Pre-signature encoding to print in an adaptor session' -r -f -a "adapted\t'cbytes(R\') || s\' with R\' = R + T the adapted nonce (secp256k1-zkp draft; default)'
unadapted\t'cbytes(R) || s\' with R the un-adapted nonce (the `musig2` crate\'s AdaptorSignature)'"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -l sort -d 'Sort the keys (KeySort) before aggregating'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -l xonly -d 'Apply the tweaks as x-only (BIP-341 TapTweak style) instead of plain (BIP-32 style)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from aggregate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from verify" -l pubkey -d 'x-only or compressed key, or JSON from `keyagg` / `aggregate`' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from verify" -l msg -d 'The message (hex / \'-\' / file)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from verify" -l sig -d 'The 64-byte signature (hex, or JSON from `aggregate`)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from verify" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from verify" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from help" -f -a "keyagg" -d 'KeyAgg: the aggregate public key of the signers\' keys (BIP-327)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from help" -f -a "nonce" -d 'NonceGen: write a fresh secret nonce to a file (mode 0600) and print the public nonce'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Sign: one partial signature; consumes (destroys) the secret nonce file'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from help" -f -a "partial-verify" -d 'PartialSigVerify: check one signer\'s partial signature'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from help" -f -a "aggregate" -d 'PartialSigAgg: the BIP-340 signature (or, with --adaptor, the pre-signature)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify a BIP-340 signature (e.g. the aggregate) under an x-only key'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand musig2; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and not __fish_seen_subcommand_from presign verify adapt extract convert help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and not __fish_seen_subcommand_from presign verify adapt extract convert help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and not __fish_seen_subcommand_from presign verify adapt extract convert help" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and not __fish_seen_subcommand_from presign verify adapt extract convert help" -f -a "presign" -d 'Pre-sign a message under an adaptor point T (BIP-340 key from --key-file / LN_PTLC_KEY)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and not __fish_seen_subcommand_from presign verify adapt extract convert help" -f -a "verify" -d 'Check that a pre-signature becomes a valid signature once T\'s secret is added'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and not __fish_seen_subcommand_from presign verify adapt extract convert help" -f -a "adapt" -d 'Complete a pre-signature with the adaptor secret t into a BIP-340 signature'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and not __fish_seen_subcommand_from presign verify adapt extract convert help" -f -a "extract" -d 'Recover the adaptor secret from a pre-signature and the completed signature or a tx'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and not __fish_seen_subcommand_from presign verify adapt extract convert help" -f -a "convert" -d 'Convert a pre-signature between the adapted and un-adapted encodings'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and not __fish_seen_subcommand_from presign verify adapt extract convert help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from presign" -l key-file -d 'File holding the 32-byte secret key as hex [env: LN_PTLC_KEY]' -r -F
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from presign" -l msg -d 'The message (hex / \'-\' / file)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from presign" -l adaptor -d 'The adaptor point T (33-byte hex)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from presign" -l aux -d '32 bytes of auxiliary randomness (hex); fresh random bytes when left out' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from presign" -l encoding -d 'Output encoding of the pre-signature' -r -f -a "adapted\t'cbytes(R\') || s\' with R\' = R + T the adapted nonce (secp256k1-zkp draft; default)'
unadapted\t'cbytes(R) || s\' with R the un-adapted nonce (the `musig2` crate\'s AdaptorSignature)'"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from presign" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from presign" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from presign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from verify" -l pubkey -d 'The signer\'s x-only (or compressed) public key' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from verify" -l msg -d 'The message (hex / \'-\' / file)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from verify" -l adaptor -d 'The adaptor point T' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from verify" -l presig -d 'The 65-byte pre-signature (hex, JSON from `presign`/`musig2 aggregate`, or a file)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from verify" -l encoding -d 'Its encoding: adapted = cbytes(R\')||s\' (default), unadapted = cbytes(R)||s\' (needs T)' -r -f -a "adapted\t'cbytes(R\') || s\' with R\' = R + T the adapted nonce (secp256k1-zkp draft; default)'
unadapted\t'cbytes(R) || s\' with R the un-adapted nonce (the `musig2` crate\'s AdaptorSignature)'"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from verify" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from verify" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from adapt" -l presig -d 'The 65-byte pre-signature (hex, JSON from `presign`/`musig2 aggregate`, or a file)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from adapt" -l encoding -d 'Its encoding: adapted = cbytes(R\')||s\' (default), unadapted = cbytes(R)||s\' (needs T)' -r -f -a "adapted\t'cbytes(R\') || s\' with R\' = R + T the adapted nonce (secp256k1-zkp draft; default)'
unadapted\t'cbytes(R) || s\' with R the un-adapted nonce (the `musig2` crate\'s AdaptorSignature)'"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from adapt" -l secret-file -d 'File holding the 32-byte adaptor secret as hex [env: LN_PTLC_SECRET]' -r -F
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from adapt" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from adapt" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from adapt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from extract" -l presig -d 'The 65-byte pre-signature (hex, JSON from `presign`/`musig2 aggregate`, or a file)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from extract" -l encoding -d 'Its encoding: adapted = cbytes(R\')||s\' (default), unadapted = cbytes(R)||s\' (needs T)' -r -f -a "adapted\t'cbytes(R\') || s\' with R\' = R + T the adapted nonce (secp256k1-zkp draft; default)'
unadapted\t'cbytes(R) || s\' with R the un-adapted nonce (the `musig2` crate\'s AdaptorSignature)'"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from extract" -l sig -d 'The completed 64-byte BIP-340 signature' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from extract" -l tx -d 'A transaction (hex) whose witness carries the completed signature' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from extract" -l adaptor -d 'The adaptor point T: the secret is checked against it (needed for --encoding unadapted)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from extract" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from extract" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from extract" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from convert" -l presig -d 'The pre-signature (hex, JSON or file) in the other encoding' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from convert" -l adaptor -d 'The adaptor point T' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from convert" -l to -d 'The encoding to produce (the input is the other one)' -r -f -a "adapted\t'cbytes(R\') || s\' with R\' = R + T the adapted nonce (secp256k1-zkp draft; default)'
unadapted\t'cbytes(R) || s\' with R the un-adapted nonce (the `musig2` crate\'s AdaptorSignature)'"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from convert" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from convert" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from convert" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from help" -f -a "presign" -d 'Pre-sign a message under an adaptor point T (BIP-340 key from --key-file / LN_PTLC_KEY)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check that a pre-signature becomes a valid signature once T\'s secret is added'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from help" -f -a "adapt" -d 'Complete a pre-signature with the adaptor secret t into a BIP-340 signature'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from help" -f -a "extract" -d 'Recover the adaptor secret from a pre-signature and the completed signature or a tx'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from help" -f -a "convert" -d 'Convert a pre-signature between the adapted and un-adapted encodings'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand adaptor; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and not __fish_seen_subcommand_from derive settle check help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and not __fish_seen_subcommand_from derive settle check help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and not __fish_seen_subcommand_from derive settle check help" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and not __fish_seen_subcommand_from derive settle check help" -f -a "derive" -d 'Derive every hop\'s left/right locks and tweaks from the recipient point Z'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and not __fish_seen_subcommand_from derive settle check help" -f -a "settle" -d 'Settle right to left from the recipient\'s secret z; shows the sender\'s proof of payment'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and not __fish_seen_subcommand_from derive settle check help" -f -a "check" -d 'Check a `derive` output: every lock follows from Z and the tweaks, and none repeats'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and not __fish_seen_subcommand_from derive settle check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from derive" -l recipient-point -d 'The recipient\'s point Z = z·G (33-byte hex)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from derive" -l hops -d 'Number of PTLC hops (channels) from sender to recipient' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from derive" -l seed -d 'Derive the tweaks from this 32-byte seed (hex); random when neither seed nor tweaks' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from derive" -l tweak -d 'The per-hop tweaks y_0..y_{n-1} (32-byte hex each, sender first)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from derive" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from derive" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from derive" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from settle" -l secret-file -d 'File holding z (32-byte hex) [env: LN_PTLC_SECRET]' -r -F
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from settle" -l recipient-point -d 'The recipient\'s point Z, checked against z (default: z·G)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from settle" -l hops -d 'Number of PTLC hops (channels) from sender to recipient' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from settle" -l seed -d 'Derive the tweaks from this 32-byte seed (hex); random when neither seed nor tweaks' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from settle" -l tweak -d 'The per-hop tweaks y_0..y_{n-1} (32-byte hex each, sender first)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from settle" -l signer-seed -d 'Seed of the stand-in signing keys of each hop\'s adaptor signature (hex)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from settle" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from settle" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from settle" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from check" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from check" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "derive" -d 'Derive every hop\'s left/right locks and tweaks from the recipient point Z'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "settle" -d 'Settle right to left from the recipient\'s secret z; shows the sender\'s proof of payment'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check a `derive` output: every lock follows from Z and the tweaks, and none repeats'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand lock; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand extract" -l presig -d 'The 65-byte pre-signature (hex, JSON from `presign`/`musig2 aggregate`, or a file)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand extract" -l encoding -d 'Its encoding: adapted = cbytes(R\')||s\' (default), unadapted = cbytes(R)||s\' (needs T)' -r -f -a "adapted\t'cbytes(R\') || s\' with R\' = R + T the adapted nonce (secp256k1-zkp draft; default)'
unadapted\t'cbytes(R) || s\' with R the un-adapted nonce (the `musig2` crate\'s AdaptorSignature)'"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand extract" -l sig -d 'The completed 64-byte BIP-340 signature' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand extract" -l tx -d 'A transaction (hex) whose witness carries the completed signature' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand extract" -l adaptor -d 'The adaptor point T: the secret is checked against it (needed for --encoding unadapted)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand extract" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand extract" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand extract" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l config -d 'JSON config object (a file, or \'-\' for stdin); flags override its keys' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l seed -d 'PRNG seed (same seed, same report)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l duration-s -d 'Simulated seconds of payment arrivals and feerate moves' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l rtt-ms -d 'Link round-trip time' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l processing-ms -d 'Processing time per received message' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l rate-a-per-s -d 'Poisson rate of payments A offers to B' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l rate-b-per-s -d 'Poisson rate of payments B offers to A' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l amount-min-sat -d 'Smallest payment (sizes are log-uniform)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l amount-max-sat -d 'Largest payment' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l hold-ms -d 'Delay before the receiver fulfils an irrevocably committed HTLC' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l feerate-move-rate-per-s -d 'Poisson rate of market feerate moves (the opener follows with update_fee)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l feerate-move-pct -d 'Size of each feerate move, in percent' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l disconnect-prob -d 'Probability that a message delivery drops the connection' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l reconnect-ms -d 'Time until the peers reconnect and exchange channel_reestablish' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l mode -d 'Protocol(s) to run' -r -f -a "async\t''
turn\t''
both\t''"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l max-events -d 'Bound on processed events' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l capacity-sat -d 'Channel capacity' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l balance-a-sat -d 'The opener\'s (A\'s) initial balance' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l feerate-per-kw -d 'Initial feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l channel-type -d 'Commitment format' -r -f -a "static_remotekey\t''
anchors\t''"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l reserve-sat -d 'channel_reserve_satoshis (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l dust-limit-sat -d 'dust_limit_satoshis (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l max-accepted-htlcs -d 'max_accepted_htlcs (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l fee-spike-buffer -d 'The opener\'s fee spike buffer multiplier for its own adds (BOLT 2 suggests 2)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l fee-buffer-a -d 'A\'s policy: the opener must afford the fee at this multiple of the feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l fee-buffer-b -d 'B\'s policy: the opener must afford the fee at this multiple of the feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l max-dust-exposure-a-sat -d 'A\'s max_dust_htlc_exposure' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l max-dust-exposure-b-sat -d 'B\'s max_dust_htlc_exposure' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -f -a "explore" -d 'Enumerate every message interleaving of a small scripted case and report reachable bad states per protocol (a node would force-close, nodes disagree, work is stuck)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and not __fish_seen_subcommand_from explore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l config -d 'JSON config object (a file, or \'-\' for stdin); flags override its keys' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l script-a -d 'A\'s actions, e.g. "fee:12000,add:20000" (add:SAT, fee:PERKW; at most 4)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l script-b -d 'B\'s actions, e.g. "add:20000" (add:SAT only: B is not the opener)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l max-states -d 'Stop after this many distinct states' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l max-depth -d 'Do not expand paths longer than this' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l disconnects -d 'Connection drops (with reestablish) allowed per path, 0-2' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l mode -d 'Protocol(s) to explore' -r -f -a "async\t''
turn\t''
both\t''"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l capacity-sat -d 'Channel capacity' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l balance-a-sat -d 'The opener\'s (A\'s) initial balance' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l feerate-per-kw -d 'Initial feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l channel-type -d 'Commitment format' -r -f -a "static_remotekey\t''
anchors\t''"
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l reserve-sat -d 'channel_reserve_satoshis (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l dust-limit-sat -d 'dust_limit_satoshis (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l max-accepted-htlcs -d 'max_accepted_htlcs (both sides)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l fee-spike-buffer -d 'The opener\'s fee spike buffer multiplier for its own adds (BOLT 2 suggests 2)' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l fee-buffer-a -d 'A\'s policy: the opener must afford the fee at this multiple of the feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l fee-buffer-b -d 'B\'s policy: the opener must afford the fee at this multiple of the feerate' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l max-dust-exposure-a-sat -d 'A\'s max_dust_htlc_exposure' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l max-dust-exposure-b-sat -d 'B\'s max_dust_htlc_exposure' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l auto-fulfill -d 'Receivers fulfil each HTLC as soon as it is irrevocable (as `sim` does)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from explore" -s h -l help -d 'Print help'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from help" -f -a "explore" -d 'Enumerate every message interleaving of a small scripted case and report reachable bad states per protocol (a node would force-close, nodes disagree, work is stuck)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand sim; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and not __fish_seen_subcommand_from musig2 adaptor lock extract sim help" -f -a "musig2" -d 'BIP-327 MuSig2 signing round over files or JSON: keyagg, nonce, sign, partial-verify, aggregate, verify'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and not __fish_seen_subcommand_from musig2 adaptor lock extract sim help" -f -a "adaptor" -d 'BIP-340 adaptor signatures: presign, verify, adapt, extract, convert'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and not __fish_seen_subcommand_from musig2 adaptor lock extract sim help" -f -a "lock" -d 'Multi-hop point locks with per-hop decorrelation: derive, settle, check'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and not __fish_seen_subcommand_from musig2 adaptor lock extract sim help" -f -a "extract" -d 'Recover a PTLC secret from a pre-signature and an on-chain witness (or a signature)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and not __fish_seen_subcommand_from musig2 adaptor lock extract sim help" -f -a "sim" -d 'Simulate channel update protocols: BOLT 2 full duplex vs turn-based (bolts PR #867) with NACK, plus the round trips and bytes of the four PTLC signing flows; prints a JSON report'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and not __fish_seen_subcommand_from musig2 adaptor lock extract sim help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from musig2" -f -a "keyagg" -d 'KeyAgg: the aggregate public key of the signers\' keys (BIP-327)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from musig2" -f -a "nonce" -d 'NonceGen: write a fresh secret nonce to a file (mode 0600) and print the public nonce'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from musig2" -f -a "sign" -d 'Sign: one partial signature; consumes (destroys) the secret nonce file'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from musig2" -f -a "partial-verify" -d 'PartialSigVerify: check one signer\'s partial signature'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from musig2" -f -a "aggregate" -d 'PartialSigAgg: the BIP-340 signature (or, with --adaptor, the pre-signature)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from musig2" -f -a "verify" -d 'Verify a BIP-340 signature (e.g. the aggregate) under an x-only key'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from adaptor" -f -a "presign" -d 'Pre-sign a message under an adaptor point T (BIP-340 key from --key-file / LN_PTLC_KEY)'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from adaptor" -f -a "verify" -d 'Check that a pre-signature becomes a valid signature once T\'s secret is added'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from adaptor" -f -a "adapt" -d 'Complete a pre-signature with the adaptor secret t into a BIP-340 signature'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from adaptor" -f -a "extract" -d 'Recover the adaptor secret from a pre-signature and the completed signature or a tx'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from adaptor" -f -a "convert" -d 'Convert a pre-signature between the adapted and un-adapted encodings'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from lock" -f -a "derive" -d 'Derive every hop\'s left/right locks and tweaks from the recipient point Z'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from lock" -f -a "settle" -d 'Settle right to left from the recipient\'s secret z; shows the sender\'s proof of payment'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from lock" -f -a "check" -d 'Check a `derive` output: every lock follows from Z and the tweaks, and none repeats'
complete -c ln-ptlc -n "__fish_ln_ptlc_using_subcommand help; and __fish_seen_subcommand_from sim" -f -a "explore" -d 'Enumerate every message interleaving of a small scripted case and report reachable bad states per protocol (a node would force-close, nodes disagree, work is stuck)'
