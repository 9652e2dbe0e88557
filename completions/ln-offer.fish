# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ln_offer_global_optspecs
    string join \n network= json generate= generate-dir= h/help V/version
end

function __fish_ln_offer_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ln_offer_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ln_offer_using_subcommand
    set -l cmd (__fish_ln_offer_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ln-offer -n "__fish_ln_offer_needs_command" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-offer -n "__fish_ln_offer_needs_command" -l generate -d 'Print a man page or shell completion script and exit' -r -f -a "man\t'roff man page(s)'
bash\t'bash completion'
zsh\t'zsh completion'
fish\t'fish completion'"
complete -c ln-offer -n "__fish_ln_offer_needs_command" -l generate-dir -d 'With --generate: write every file (man: one page per subcommand) into DIR' -r -F
complete -c ln-offer -n "__fish_ln_offer_needs_command" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-offer -n "__fish_ln_offer_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ln-offer -n "__fish_ln_offer_needs_command" -s V -l version -d 'Print version'
complete -c ln-offer -n "__fish_ln_offer_needs_command" -f -a "decode" -d 'Decode an offer, invoice_request or invoice (string or TLV hex), or a BOLT 11 invoice, into JSON with every reader check; exits 1 when a check fails (the report is still printed)'
complete -c ln-offer -n "__fish_ln_offer_needs_command" -f -a "create" -d 'Create and sign an offer, invoice_request or invoice'
complete -c ln-offer -n "__fish_ln_offer_needs_command" -f -a "verify" -d 'Check a chain offer → invoice_request → invoice (mirrored fields byte-equal, signatures, amounts, node id, expiry) and a preimage against the payment hash'
complete -c ln-offer -n "__fish_ln_offer_needs_command" -f -a "encode" -d 'Encode raw records `TYPE=HEX` (in the order given, so invalid strings can be made)'
complete -c ln-offer -n "__fish_ln_offer_needs_command" -f -a "bip353" -d 'Verify a BIP 353 DNSSEC proof (RFC 9102, no live DNS) for user@domain at --now and print the name, the bitcoin: URI, the validity window and the offer it carries (decoded); exits 1 when the proof or the offer fails'
complete -c ln-offer -n "__fish_ln_offer_needs_command" -f -a "periods" -d 'Recurrence schedule (bolts PR #1240): period starts, pay windows, amounts'
complete -c ln-offer -n "__fish_ln_offer_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand decode" -l type -d 'Kind of a hex input (default: guessed from its TLV types)' -r -f -a "offer\t''
invoice-request\t''
invoice\t''
invoice-error\t''"
complete -c ln-offer -n "__fish_ln_offer_using_subcommand decode" -l now -d 'Current time for expiry checks: seconds since 1970, or \'none\' to skip them (default: the system clock)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand decode" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand decode" -l raw -d 'One JSON line per TLV record: type, name, length, value hex, Merkle leaf (BOLT 11: one line per tagged field)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand decode" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand decode" -s h -l help -d 'Print help'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and not __fish_seen_subcommand_from offer invoice-request invoice help" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and not __fish_seen_subcommand_from offer invoice-request invoice help" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and not __fish_seen_subcommand_from offer invoice-request invoice help" -s h -l help -d 'Print help'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and not __fish_seen_subcommand_from offer invoice-request invoice help" -f -a "offer" -d 'Create an offer (`lno1…`); the signing key\'s public key is offer_issuer_id'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and not __fish_seen_subcommand_from offer invoice-request invoice help" -f -a "invoice-request" -d 'Create an invoice_request for an offer, signed by the payer key (invreq_payer_id)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and not __fish_seen_subcommand_from offer invoice-request invoice help" -f -a "invoice" -d 'Create an invoice answering an invoice_request, signed by the node key (invoice_node_id)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and not __fish_seen_subcommand_from offer invoice-request invoice help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l key-file -d 'File holding the signing key (32-byte hex) [env: LN_OFFER_KEY]' -r -F
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l amount -d 'offer_amount: msat, or with a unit (`10sat`, `0.001btc`, `5000msat`), or minor units of --currency' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l currency -d 'offer_currency (ISO 4217, e.g. USD); --amount is then in its minor unit (cents)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l description -d 'offer_description' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l issuer -d 'offer_issuer' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l absolute-expiry -d 'offer_absolute_expiry (seconds since 1970)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l quantity-max -d 'offer_quantity_max (0 = unlimited)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l metadata -d 'offer_metadata (hex)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l features -d 'offer_features (hex)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l chain -d 'offer_chains entries (network names); omit for bitcoin alone' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l path -d 'Blinded path through these node ids (comma-separated, introduction node first); the signing key\'s node is appended as the final hop. Repeat for more paths' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l recurrence -d 'Recurrence UNIT:PERIOD with UNIT seconds|days|months (e.g. months:1)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l recurrence-base -d 'offer_recurrence_base basetime (seconds since 1970)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l recurrence-paywindow -d 'offer_recurrence_paywindow SECONDS_BEFORE:SECONDS_AFTER' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l recurrence-limit -d 'offer_recurrence_limit (max_period_index)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l no-issuer-id -d 'Leave out offer_issuer_id (needs --path; --json then prints the key to sign invoices with)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l recurrence-optional -d 'Use offer_recurrence_optional (pre-recurrence wallets may pay once)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l recurrence-proportional -d 'Set proportional_amount in offer_recurrence_base'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from offer" -s h -l help -d 'Print help'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l key-file -d 'File holding the signing key (32-byte hex) [env: LN_OFFER_KEY]' -r -F
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l offer -d 'The offer to answer' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l amount -d 'invreq_amount (msat or with a unit)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l quantity -d 'invreq_quantity' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l payer-note -d 'invreq_payer_note' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l bip353 -d 'invreq_bip_353_name as user@domain (a leading ₿ is dropped)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l chain -d 'invreq_chain (network name; omitted for bitcoin)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l metadata -d 'invreq_metadata (hex; default 32 random bytes)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l features -d 'invreq_features (hex)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l recurrence-counter -d 'invreq_recurrence_counter' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l recurrence-start -d 'invreq_recurrence_start' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l recurrence-cancel -d 'invreq_recurrence_cancel'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice-request" -s h -l help -d 'Print help'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l key-file -d 'File holding the signing key (32-byte hex) [env: LN_OFFER_KEY]' -r -F
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l invoice-request -d 'The invoice_request to answer' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l preimage -d 'Payment preimage (hex; default random, printed with --json) [env: LN_OFFER_PREIMAGE]' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l amount -d 'invoice_amount when the request has no invreq_amount and the offer is in a currency' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l created-at -d 'invoice_created_at (default now)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l relative-expiry -d 'invoice_relative_expiry in seconds (default 7200, then omitted)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l path -d 'Blinded path through these node ids (comma-separated, introduction node first); the signing key\'s node is appended as the final hop. Repeat for more paths' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l fee-base -d 'payment_relay fee_base_msat of each intermediate hop' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l fee-ppm -d 'payment_relay fee_proportional_millionths of each intermediate hop' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l cltv-delta -d 'payment_relay cltv_expiry_delta of each intermediate hop' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l min-final-cltv-delta -d 'Recipient\'s min_final_cltv_expiry_delta (added to the payinfo delta)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l max-cltv-expiry -d 'payment_constraints max_cltv_expiry at the recipient (block height)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l htlc-min -d 'htlc_minimum_msat' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l htlc-max -d 'htlc_maximum_msat of the payinfo (default: the invoice amount)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l mpp -d 'invoice_features MPP bit' -r -f -a "optional\t''
compulsory\t''"
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l recurrence-basetime -d 'invoice_recurrence_basetime for successive invoices of offers without a base' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from invoice" -s h -l help -d 'Print help'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "offer" -d 'Create an offer (`lno1…`); the signing key\'s public key is offer_issuer_id'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "invoice-request" -d 'Create an invoice_request for an offer, signed by the payer key (invreq_payer_id)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "invoice" -d 'Create an invoice answering an invoice_request, signed by the node key (invoice_node_id)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand verify" -l offer -d 'The offer' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand verify" -l invoice-request -d 'The invoice_request' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand verify" -l invoice -d 'The invoice (string `lni1…` or TLV hex)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand verify" -l preimage -d 'Payment preimage (hex) to check against invoice_payment_hash [env: LN_OFFER_PREIMAGE]' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand verify" -l now -d 'Current time for expiry checks: seconds since 1970, or \'none\' to skip them (default: the system clock)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand verify" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand verify" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand verify" -s h -l help -d 'Print help'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand encode" -l hrp -d 'Human-readable prefix' -r -f -a "lno\t''
lnr\t''
lni\t''"
complete -c ln-offer -n "__fish_ln_offer_using_subcommand encode" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand encode" -l hex -d 'Print the TLV stream as hex instead of the string'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand encode" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand encode" -s h -l help -d 'Print help'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand bip353" -l name -d 'The human-readable name, user@domain (a leading ₿ is dropped); default: the name inside a PSBT_OUT_DNSSEC_PROOF value' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand bip353" -l proof -d 'The proof: hex, a file (binary or hex), or \'-\' for stdin; either the RFC 9102 AuthenticationChain or a PSBT_OUT_DNSSEC_PROOF value (1-byte length, name, proof)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand bip353" -l now -d 'Time to check the RRSIG validity window and the offer\'s expiry at, seconds since 1970 (default: the system clock)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand bip353" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand bip353" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand bip353" -s h -l help -d 'Print help'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l offer -d 'Take the recurrence from this offer (or invoice_request / invoice)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l time-unit -d '0 seconds, 1 days, 2 months (without --offer)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l period -d 'Period length in time units (without --offer)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l basetime -d 'Start of period #0, seconds since 1970 (offer_recurrence_base, or the first invoice\'s invoice_created_at)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l paywindow -d 'Pay window SECONDS_BEFORE:SECONDS_AFTER (without --offer)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l amount -d 'Amount per period (without --offer)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l first -d 'First period index' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l count -d 'Number of periods' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l now -d 'Current time for proportional amounts (seconds since 1970)' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l network -d 'Chain for addresses, chain hashes and invoices [env: LN_NETWORK]' -r
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l proportional -d 'Scale the amount to the time left in the period at --now (without --offer)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -l json -d 'Print JSON (decoders always print JSON; builders print JSON with details)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand periods" -s h -l help -d 'Print help'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand help; and not __fish_seen_subcommand_from decode create verify encode bip353 periods help" -f -a "decode" -d 'Decode an offer, invoice_request or invoice (string or TLV hex), or a BOLT 11 invoice, into JSON with every reader check; exits 1 when a check fails (the report is still printed)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand help; and not __fish_seen_subcommand_from decode create verify encode bip353 periods help" -f -a "create" -d 'Create and sign an offer, invoice_request or invoice'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand help; and not __fish_seen_subcommand_from decode create verify encode bip353 periods help" -f -a "verify" -d 'Check a chain offer → invoice_request → invoice (mirrored fields byte-equal, signatures, amounts, node id, expiry) and a preimage against the payment hash'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand help; and not __fish_seen_subcommand_from decode create verify encode bip353 periods help" -f -a "encode" -d 'Encode raw records `TYPE=HEX` (in the order given, so invalid strings can be made)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand help; and not __fish_seen_subcommand_from decode create verify encode bip353 periods help" -f -a "bip353" -d 'Verify a BIP 353 DNSSEC proof (RFC 9102, no live DNS) for user@domain at --now and print the name, the bitcoin: URI, the validity window and the offer it carries (decoded); exits 1 when the proof or the offer fails'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand help; and not __fish_seen_subcommand_from decode create verify encode bip353 periods help" -f -a "periods" -d 'Recurrence schedule (bolts PR #1240): period starts, pay windows, amounts'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand help; and not __fish_seen_subcommand_from decode create verify encode bip353 periods help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "offer" -d 'Create an offer (`lno1…`); the signing key\'s public key is offer_issuer_id'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "invoice-request" -d 'Create an invoice_request for an offer, signed by the payer key (invreq_payer_id)'
complete -c ln-offer -n "__fish_ln_offer_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "invoice" -d 'Create an invoice answering an invoice_request, signed by the node key (invoice_node_id)'
