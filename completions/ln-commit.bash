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
            ln__commit,check)
                cmd="ln__commit__subcmd__check"
                ;;
            ln__commit,cpfp)
                cmd="ln__commit__subcmd__cpfp"
                ;;
            ln__commit,help)
                cmd="ln__commit__subcmd__help"
                ;;
            ln__commit__subcmd__help,check)
                cmd="ln__commit__subcmd__help__subcmd__check"
                ;;
            ln__commit__subcmd__help,cpfp)
                cmd="ln__commit__subcmd__help__subcmd__cpfp"
                ;;
            ln__commit__subcmd__help,help)
                cmd="ln__commit__subcmd__help__subcmd__help"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        ln__commit)
            opts="-h -V --network --json --generate --generate-dir --help --version check cpfp help"
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
        ln__subcmd__commit__subcmd__help)
            opts="check cpfp help"
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
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _ln__commit -o nosort -o bashdefault -o default ln-commit
else
    complete -F _ln__commit -o bashdefault -o default ln-commit
fi
