_ln__commit() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="ln__commit"
                ;;
            ln__commit,build)
                cmd="ln__commit__subcmd__build"
                ;;
            ln__commit,check)
                cmd="ln__commit__subcmd__check"
                ;;
            ln__commit,cpfp)
                cmd="ln__commit__subcmd__cpfp"
                ;;
            ln__commit,factory)
                cmd="ln__commit__subcmd__factory"
                ;;
            ln__commit,help)
                cmd="ln__commit__subcmd__help"
                ;;
            ln__commit,inspect)
                cmd="ln__commit__subcmd__inspect"
                ;;
            ln__commit,keys)
                cmd="ln__commit__subcmd__keys"
                ;;
            ln__commit,recover)
                cmd="ln__commit__subcmd__recover"
                ;;
            ln__commit__subcmd__help,build)
                cmd="ln__commit__subcmd__help__subcmd__build"
                ;;
            ln__commit__subcmd__help,check)
                cmd="ln__commit__subcmd__help__subcmd__check"
                ;;
            ln__commit__subcmd__help,cpfp)
                cmd="ln__commit__subcmd__help__subcmd__cpfp"
                ;;
            ln__commit__subcmd__help,factory)
                cmd="ln__commit__subcmd__help__subcmd__factory"
                ;;
            ln__commit__subcmd__help,help)
                cmd="ln__commit__subcmd__help__subcmd__help"
                ;;
            ln__commit__subcmd__help,inspect)
                cmd="ln__commit__subcmd__help__subcmd__inspect"
                ;;
            ln__commit__subcmd__help,keys)
                cmd="ln__commit__subcmd__help__subcmd__keys"
                ;;
            ln__commit__subcmd__help,recover)
                cmd="ln__commit__subcmd__help__subcmd__recover"
                ;;
            ln__commit__subcmd__help__subcmd__keys,derive)
                cmd="ln__commit__subcmd__help__subcmd__keys__subcmd__derive"
                ;;
            ln__commit__subcmd__help__subcmd__keys,shachain)
                cmd="ln__commit__subcmd__help__subcmd__keys__subcmd__shachain"
                ;;
            ln__commit__subcmd__help__subcmd__keys,store)
                cmd="ln__commit__subcmd__help__subcmd__keys__subcmd__store"
                ;;
            ln__commit__subcmd__help__subcmd__recover,helper)
                cmd="ln__commit__subcmd__help__subcmd__recover__subcmd__helper"
                ;;
            ln__commit__subcmd__help__subcmd__recover,sweep)
                cmd="ln__commit__subcmd__help__subcmd__recover__subcmd__sweep"
                ;;
            ln__commit__subcmd__keys,derive)
                cmd="ln__commit__subcmd__keys__subcmd__derive"
                ;;
            ln__commit__subcmd__keys,help)
                cmd="ln__commit__subcmd__keys__subcmd__help"
                ;;
            ln__commit__subcmd__keys,shachain)
                cmd="ln__commit__subcmd__keys__subcmd__shachain"
                ;;
            ln__commit__subcmd__keys,store)
                cmd="ln__commit__subcmd__keys__subcmd__store"
                ;;
            ln__commit__subcmd__keys__subcmd__help,derive)
                cmd="ln__commit__subcmd__keys__subcmd__help__subcmd__derive"
                ;;
            ln__commit__subcmd__keys__subcmd__help,help)
                cmd="ln__commit__subcmd__keys__subcmd__help__subcmd__help"
                ;;
            ln__commit__subcmd__keys__subcmd__help,shachain)
                cmd="ln__commit__subcmd__keys__subcmd__help__subcmd__shachain"
                ;;
            ln__commit__subcmd__keys__subcmd__help,store)
                cmd="ln__commit__subcmd__keys__subcmd__help__subcmd__store"
                ;;
            ln__commit__subcmd__recover,help)
                cmd="ln__commit__subcmd__recover__subcmd__help"
                ;;
            ln__commit__subcmd__recover,helper)
                cmd="ln__commit__subcmd__recover__subcmd__helper"
                ;;
            ln__commit__subcmd__recover,sweep)
                cmd="ln__commit__subcmd__recover__subcmd__sweep"
                ;;
            ln__commit__subcmd__recover__subcmd__help,help)
                cmd="ln__commit__subcmd__recover__subcmd__help__subcmd__help"
                ;;
            ln__commit__subcmd__recover__subcmd__help,helper)
                cmd="ln__commit__subcmd__recover__subcmd__help__subcmd__helper"
                ;;
            ln__commit__subcmd__recover__subcmd__help,sweep)
                cmd="ln__commit__subcmd__recover__subcmd__help__subcmd__sweep"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        ln__commit)
            opts="-h -V --network --json --generate --generate-dir --help --version keys build inspect factory recover check cpfp help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate)
                    COMPREPLY=($(compgen -W "man bash zsh fish" -- "${cur}"))
                    return 0
                    ;;
                --generate-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__build)
            opts="-h --spec --kind --channel-type --feerate-per-kw --dust-limit-sat --commitment-number --to-local-msat --to-remote-msat --htlc-txs --set --key-file --local-pubnonce --remote-pubnonce --remote-partial-sig --state-dir --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --spec)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --channel-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --feerate-per-kw)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dust-limit-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --commitment-number)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to-local-msat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to-remote-msat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --local-pubnonce)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --remote-pubnonce)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --remote-partial-sig)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__check)
            opts="-h --core --prevout --replaces --mempool --min-relay-fee --incremental-relay-fee --dust-relay-fee --datacarrier-size --no-datacarrier --reject-bare-multisig --no-full-rbf --height --mtp --no-script-check --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --core)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prevout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mempool)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --replaces)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-relay-fee)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --incremental-relay-fee)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dust-relay-fee)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacarrier-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --height)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mtp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__cpfp)
            opts="-h --feerate --utxo --key-file --key --anchor-key --anchor-key-file --parent-fee --prevout --change-script --change-address --dust-relay-fee --psbt --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --feerate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --utxo)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --anchor-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --anchor-key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --parent-fee)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prevout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --change-script)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --change-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dust-relay-fee)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__factory)
            opts="-h --clients --arity --states --step --timeout --channel-sat --lsp-stock-sat --anchor-sat --feerates --keys --leaf-channel-type --to-self-delay --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --clients)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --arity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --states)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --step)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --channel-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --lsp-stock-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --anchor-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --feerates)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keys)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --leaf-channel-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to-self-delay)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help)
            opts="keys build inspect factory recover check cpfp help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__build)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__cpfp)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__factory)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__keys)
            opts="shachain store derive"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__keys__subcmd__derive)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__keys__subcmd__shachain)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__keys__subcmd__store)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__recover)
            opts="helper sweep"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__recover__subcmd__helper)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__help__subcmd__recover__subcmd__sweep)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__inspect)
            opts="-h --basepoints --funding-amount --feerate-per-kw --keys --spent-by --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --basepoints)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --funding-amount)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --feerate-per-kw)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --keys)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spent-by)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__keys)
            opts="-h --network --json --help shachain store derive help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__keys__subcmd__derive)
            opts="-h --basepoint --per-commitment-point --key-file --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --basepoint)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --per-commitment-point)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__keys__subcmd__help)
            opts="shachain store derive help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__keys__subcmd__help__subcmd__derive)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__keys__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__keys__subcmd__help__subcmd__shachain)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__keys__subcmd__help__subcmd__store)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__keys__subcmd__shachain)
            opts="-h --key-file --seed --from --count --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__keys__subcmd__store)
            opts="-h --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__recover)
            opts="-h --network --json --help helper sweep help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__recover__subcmd__help)
            opts="helper sweep help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__recover__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__recover__subcmd__help__subcmd__helper)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__recover__subcmd__help__subcmd__sweep)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__recover__subcmd__helper)
            opts="-h --per-commitment-point --key-file --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --per-commitment-point)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__commit__subcmd__recover__subcmd__sweep)
            opts="-h --spec --key-file --destination --feerate-per-kw --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --spec)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --destination)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --feerate-per-kw)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _ln__commit -o nosort -o bashdefault -o default ln-commit
else
    complete -F _ln__commit -o bashdefault -o default ln-commit
fi
